import { describe, expect, it } from 'vitest';
import { orderTokens, tokenNameProblem, type ApiToken } from './tokens';

const token = (id: number, created: string, revoked = false): ApiToken => ({ id, name: `t${id}`, scope: 'read', revoked, last_used_at: null, created_at: created });

describe('api tokens', () => {
  it('needs a name of at most 100 characters (Hangul counts as one each)', () => {
    expect(tokenNameProblem('  ')).toBe('missing');
    expect(tokenNameProblem('보고서 내보내기')).toBe('');
    expect(tokenNameProblem('가'.repeat(100))).toBe('');
    expect(tokenNameProblem('가'.repeat(101))).toBe('long');
  });
  it('lists active tokens first, newest first', () => {
    const list = [token(1, '2026-01-01T00:00:00Z'), token(2, '2026-03-01T00:00:00Z', true), token(3, '2026-02-01T00:00:00Z')];
    expect(orderTokens(list).map((t) => t.id)).toEqual([3, 1, 2]);
  });
});
