// Server errors (problem+json) in the user's language: the dictionary key for a problem's
// `type` (the part after /problems/) and, where one type has several titles, for the title
// itself ("no such gift" -> problem.not-found.gift). The English title is the fallback for a
// problem the dictionaries do not know (a newer server, a plugin).
const byTitle: Record<string, string> = {
  'API tokens cannot change passwords': 'problem.forbidden.token-password',
  'this API token is read-only': 'problem.forbidden.read-only-token',
  'your role may not do this': 'problem.forbidden.role',
  'the body is nested too deeply': 'problem.malformed-json.deep',
  'the body is not valid UTF-8 text': 'problem.malformed-json.utf8',
  'the body must be a JSON object': 'problem.malformed-json.object',
  'too many wrong codes': 'problem.sign-in-throttled.codes',
  'the database is busy; try again': 'problem.unavailable.busy',
  'send the ETag of every record to merge': 'problem.precondition-required.merge',
  'the request conflicts': 'problem.conflict',
  'only GET is supported here': 'problem.method-not-allowed',
};

export function problemKeys(type: string, title: string): string[] {
  const keys: string[] = [];
  if (byTitle[title]) keys.push(byTitle[title]);
  const missing = /^no such (.+)$/.exec(title);
  if (type === 'not-found' && missing) keys.push(`problem.not-found.${missing[1].replace(/ /g, '-')}`);
  if (type) keys.push(`problem.${type}`);
  return keys;
}

// The title to show: the first key the dictionary has, else the server's English title.
export function problemTitle(type: string, title: string, lookup: (key: string) => string | undefined): string {
  for (const key of problemKeys(type, title)) {
    const text = lookup(key);
    if (text) return text;
  }
  return title;
}
