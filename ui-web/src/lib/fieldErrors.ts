// Server error details in the user's language (decision 0203). A problem's field errors carry a
// `code` (errors[].code: required, too-long, invalid-date, invalid-amount, ...; see
// core/src/http/field_error_code.hpp); each known code has a dictionary key (fieldError.<code>),
// with the limit read from the English message ("is longer than 200 bytes" -> {max} 200).
// The `detail` of a problem is reworded from its first field error, "no such <thing>", or
// "'X' is already used"; anything else keeps the server's English (the fallback).
export interface CodedFieldError {
  field: string;
  message: string;
  code?: string;
}

export type Lookup = (key: string, vars?: Record<string, string | number>) => string | undefined;

// The dictionary key and its placeholders for one field error; null when only the English fits.
export function fieldErrorKey(error: CodedFieldError): { key: string; vars?: Record<string, string> } | null {
  const code = error.code ?? '';
  if (!code) return null;
  // Anything else: a calm generic sentence with the server's English after it (decision 0213).
  if (code === 'invalid') return { key: 'fieldError.invalid', vars: { message: error.message } };
  if (code === 'out-of-range') {
    const between = /(-?\d+)\s*(?:\.\.|and|to)\s*(-?\d+)/.exec(error.message);
    if (between) return { key: 'fieldError.out-of-range.between', vars: { min: between[1], max: between[2] } };
    const least = /at least (-?\d+)/.exec(error.message);
    if (least) return { key: 'fieldError.out-of-range.min', vars: { min: least[1] } };
    if (/positive/.test(error.message)) return { key: 'fieldError.out-of-range.min', vars: { min: '1' } };
    return { key: 'fieldError.out-of-range.plain' };
  }
  if (code === 'one-of') {
    const list = /^must be (?:one of )?(.+)$/.exec(error.message)?.[1];
    if (!list) return { key: 'fieldError.one-of.plain' };
    const choices = list
      .split(/,\s*|\s+or\s+/)
      .map((c) => c.trim())
      .filter(Boolean)
      .join(', ');
    return { key: 'fieldError.one-of.list', vars: { choices } };
  }
  if (code === 'too-long' || code === 'too-short') {
    const limit = /(\d+)/.exec(error.message)?.[1];
    if (!limit) return { key: `fieldError.${code}.plain` };
    const unit = /bytes/.test(error.message) ? 'bytes' : 'chars';
    return { key: `fieldError.${code}.${unit}`, vars: { limit } };
  }
  return { key: `fieldError.${code}` };
}

// One field's message in the user's language, or the server's English.
export function fieldErrorText(error: CodedFieldError, lookup: Lookup): string {
  const found = fieldErrorKey(error);
  if (!found) return error.message;
  return lookup(found.key, found.vars) ?? error.message;
}

// The detail of a problem in the user's language, or the server's English detail.
export function problemDetail(type: string, detail: string, errors: CodedFieldError[], lookup: Lookup): string {
  if (!detail) return '';
  const first = errors[0];
  if (first && detail.startsWith(`${first.field}: `)) {
    const text = fieldErrorText(first, lookup);
    return text === first.message ? detail : `${first.field}: ${text}`;
  }
  const missing = /^no such (.+)$/.exec(detail);
  if (missing) return lookup(`problem.not-found.${missing[1].replace(/ /g, '-')}`) ?? lookup('problem.not-found.resource') ?? detail;
  const used = /^(?:.* )?'([^']+)' (?:is already used|already exists)/.exec(detail);
  if (type === 'conflict' && used) return lookup('problemDetail.alreadyUsed', { value: used[1] }) ?? detail;
  if (type === 'forbidden' && /role|permission|may not/.test(detail)) return lookup('problem.forbidden.role') ?? detail;
  return detail;
}
