import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { problemKeys, problemTitle } from './problems';

// Every problem type and title the server writes (core/src/http: Response::problem and
// Response::from_status), so a new one without Korean fails here.
const known: [string, string][] = [
  ['bad-request', 'the request target is malformed'],
  ['conflict', 'the change conflicts with existing data'],
  ['conflict', 'the request conflicts'],
  ['csrf', 'missing or wrong CSRF token'],
  ['forbidden', 'API tokens cannot change passwords'],
  ['forbidden', 'this API token is read-only'],
  ['forbidden', 'you may not do this'],
  ['forbidden', 'your role may not do this'],
  ['internal', 'something went wrong on our side; it has been logged'],
  ['malformed-json', 'the body is nested too deeply'],
  ['malformed-json', 'the body is not valid JSON'],
  ['malformed-json', 'the body is not valid UTF-8 text'],
  ['malformed-json', 'the body must be a JSON object'],
  ['method-not-allowed', 'method not allowed here'],
  ['method-not-allowed', 'only GET is supported here'],
  ['not-a-session', 'API tokens are revoked, not signed out'],
  ['not-found', 'no such resource'],
  ['not-found', 'no such gift'],
  ['not-found', 'no such recurring plan'],
  ['not-found', 'no such contact point'],
  ['password-change-required', 'change your one-time password first'],
  ['precondition-required', "send If-Match with the record's ETag"],
  ['precondition-required', 'send the ETag of every record to merge'],
  ['second-factor', 'enter your second factor first'],
  ['sign-in-failed', 'sign-in failed'],
  ['sign-in-throttled', 'too many failed sign-ins'],
  ['sign-in-throttled', 'too many wrong codes'],
  ['stale', 'the record changed since you read it'],
  ['state', "the record's state does not allow this"],
  ['unauthenticated', 'sign in first'],
  ['unavailable', 'a service Steward needs is unavailable'],
  ['unavailable', 'the database is busy; try again'],
  ['unsupported-media-type', 'send a JSON body'],
  ['validation', 'the request has invalid fields'],
];

describe('problem titles', () => {
  const korean = (key: string) => (key in ko ? (ko as Record<string, string>)[key] : undefined);
  it('every title the server writes has a Korean text, the most specific first', () => {
    for (const [type, title] of known) {
      const keys = problemKeys(type, title).filter((k) => k in en);
      expect(keys.length, `${type}: ${title}`).toBeGreaterThan(0);
      expect(problemTitle(type, title, korean)).not.toBe(title);
    }
    expect(problemTitle('not-found', 'no such gift', korean)).toBe('해당 후원이 없습니다');
    expect(problemTitle('forbidden', 'your role may not do this', korean)).toBe('현재 역할로는 이 작업을 할 수 없습니다');
    expect(problemTitle('validation', 'the request has invalid fields', korean)).toBe('올바르지 않은 값이 있습니다');
  });
  it('keeps the English title for a problem it does not know', () => {
    expect(problemTitle('plugin-crashed', 'the plugin stopped', korean)).toBe('the plugin stopped');
    expect(problemTitle('', 'request failed (502)', korean)).toBe('request failed (502)');
    expect(problemTitle('not-found', 'no such widget', korean)).toBe('존재하지 않습니다 (또는 볼 권한이 없습니다)');
  });
});
