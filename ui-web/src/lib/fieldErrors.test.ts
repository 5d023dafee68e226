import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from '../api/client';
import { applyLanguage, translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { en } from '../i18n/en';
import { fieldErrorKey, fieldErrorText, problemDetail } from './fieldErrors';

const koLookup = (key: string, vars?: Record<string, string | number>) => (key in en ? translate('ko', key as MessageKey, vars) : undefined);

afterEach(() => applyLanguage('en'));

describe('field error codes', () => {
  it('finds the key and the limit for each code the server sends', () => {
    expect(fieldErrorKey({ field: 'name', message: 'is required', code: 'required' })).toEqual({ key: 'fieldError.required' });
    expect(fieldErrorKey({ field: 'notes', message: 'is longer than 4000 bytes', code: 'too-long' })).toEqual({ key: 'fieldError.too-long.bytes', vars: { limit: '4000' } });
    expect(fieldErrorKey({ field: 'q', message: 'must be at most 200 characters', code: 'too-long' })).toEqual({ key: 'fieldError.too-long.chars', vars: { limit: '200' } });
    expect(fieldErrorKey({ field: 'x', message: 'is too long', code: 'too-long' })).toEqual({ key: 'fieldError.too-long.plain' });
    expect(fieldErrorKey({ field: 'x', message: 'must be between 1 and 6000', code: 'out-of-range' })).toEqual({ key: 'fieldError.out-of-range.between', vars: { min: '1', max: '6000' } });
    expect(fieldErrorKey({ field: 'limit', message: 'must be a number from 1 to 500', code: 'out-of-range' })).toEqual({ key: 'fieldError.out-of-range.between', vars: { min: '1', max: '500' } });
    expect(fieldErrorKey({ field: 'n', message: 'must be at least 3', code: 'out-of-range' })).toEqual({ key: 'fieldError.out-of-range.min', vars: { min: '3' } });
    expect(fieldErrorKey({ field: 'format', message: 'must be json, csv or xlsx', code: 'one-of' })).toEqual({ key: 'fieldError.one-of.list', vars: { choices: 'json, csv, xlsx' } });
    expect(fieldErrorKey({ field: 'x', message: 'must be one line', code: 'invalid' })).toEqual({ key: 'fieldError.invalid', vars: { message: 'must be one line' } });
    expect(fieldErrorKey({ field: 'x', message: 'is required' })).toBeNull();
    for (const code of ['required', 'invalid-date', 'invalid-amount', 'invalid-currency', 'unknown-field', 'wrong-type', 'invalid-text', 'not-found', 'negative', 'invalid', 'out-of-range.between', 'one-of.list']) {
      expect(`fieldError.${code}` in en, code).toBe(true);
    }
  });
  it('words the common errors in Korean and keeps the English for the rest', () => {
    expect(fieldErrorText({ field: 'received_on', message: "'2026-02-30' is not a day of the calendar", code: 'invalid-date' }, koLookup)).toBe(
      '올바른 날짜가 아닙니다 (YYYY-MM-DD 형식, 1900–2200년)',
    );
    expect(fieldErrorText({ field: 'amount.amount', message: 'is not an amount in USD', code: 'invalid-amount' }, koLookup)).toBe('올바른 금액이 아닙니다 (예: 50.00)');
    expect(fieldErrorText({ field: 'last_name', message: 'is longer than 200 bytes', code: 'too-long' }, koLookup)).toContain('최대 200바이트');
    expect(fieldErrorText({ field: 'rate', message: 'must be between 1 and 6000 messages a minute', code: 'out-of-range' }, koLookup)).toBe('1에서 6000 사이여야 합니다');
    expect(fieldErrorText({ field: 'state', message: 'must be one of queued, sent or failed', code: 'one-of' }, koLookup)).toBe('다음 중 하나여야 합니다: queued, sent, failed');
    // "invalid": every one has Korean text, with the server's English kept after it.
    expect(fieldErrorText({ field: 'title', message: 'must be one line', code: 'invalid' }, koLookup)).toBe('올바른 값이 아닙니다 (must be one line)');
  });
  it('rewords a detail from its first field error, a missing record or a used code', () => {
    const errors = [{ field: 'received_on', message: 'is required', code: 'required' }];
    expect(problemDetail('validation', 'received_on: is required', errors, koLookup)).toBe('received_on: 필수 항목입니다');
    expect(problemDetail('not-found', 'no such gift', [], koLookup)).toBe('해당 후원이 없습니다');
    expect(problemDetail('not-found', 'no such widget', [], koLookup)).toBe('존재하지 않습니다 (또는 볼 권한이 없습니다)');
    expect(problemDetail('conflict', "code 'MED' is already used", [], koLookup)).toBe('“MED”은(는) 이미 사용 중입니다');
    expect(problemDetail('forbidden', 'your role may not change gifts', [], koLookup)).toBe('현재 역할로는 이 작업을 할 수 없습니다');
    expect(problemDetail('state', 'the batch is closed', [], koLookup)).toBe('the batch is closed');
    expect(problemDetail('validation', '', [], koLookup)).toBe('');
  });
});

describe('server errors in the chosen language', () => {
  const problem = {
    type: 'https://steward.invalid/problems/validation',
    title: 'the request has invalid fields',
    status: 422,
    detail: 'display_name: is required',
    errors: [
      { field: 'display_name', message: 'is required', code: 'required' },
      { field: 'birth_date', message: "'어제' is not a date in YYYY-MM-DD form", code: 'invalid-date' },
      { field: 'rate', message: 'must be between 1 and 6000', code: 'invalid' },
    ],
  };
  it('English keeps every server word', () => {
    applyLanguage('en');
    const e = new ApiError(422, problem);
    expect(e.fieldMessage('display_name')).toBe('is required');
    expect(errorMessage(e)).toBe('the request has invalid fields: display_name: is required');
  });
  it('Korean words the title, the detail and each known field message', () => {
    applyLanguage('ko');
    const e = new ApiError(422, problem);
    expect(e.fieldMessage('display_name')).toBe('필수 항목입니다');
    expect(e.fieldMessage('birth_date')).toBe('올바른 날짜가 아닙니다 (YYYY-MM-DD 형식, 1900–2200년)');
    expect(e.fieldMessage('rate')).toBe('올바른 값이 아닙니다 (must be between 1 and 6000)');
    expect(e.errors[1].serverMessage).toBe("'어제' is not a date in YYYY-MM-DD form");
    expect(errorMessage(e)).toBe('올바르지 않은 값이 있습니다: display_name: 필수 항목입니다');
    const missing = new ApiError(404, { type: 'https://steward.invalid/problems/not-found', title: 'no such resource', detail: 'no such gift' });
    expect(errorMessage(missing)).toBe('존재하지 않습니다 (또는 볼 권한이 없습니다): 해당 후원이 없습니다');
    const same = new ApiError(404, { type: 'https://steward.invalid/problems/not-found', title: 'no such gift', detail: 'no such gift' });
    expect(errorMessage(same)).toBe('해당 후원이 없습니다');
  });
});
