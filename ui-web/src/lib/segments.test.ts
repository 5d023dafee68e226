import { describe, expect, it } from 'vitest';
import { draftFieldOf, emptyDraft, filterOf } from './segments';

describe('segment builder', () => {
  it('is everyone with no condition, one condition alone, several joined with and', () => {
    expect(filterOf(emptyDraft)).toEqual({});
    expect(filterOf({ ...emptyDraft, tag: ' 기도 후원 ' })).toEqual({ tag: '기도 후원' });
    expect(filterOf({ ...emptyDraft, kind: 'individual', gaveFrom: '2026-01-01', gaveMin: '1,000.00', lastGiftBefore: '2026-06-01', country: 'kr' })).toEqual({
      and: [{ kind: 'individual' }, { gave: { from: '2026-01-01', min: '1000.00' } }, { last_gift: { before: '2026-06-01' } }, { country: 'KR' }],
    });
  });

  it('maps a server error path back to the field', () => {
    const d = { ...emptyDraft, kind: 'individual', gaveMin: 'lots' };
    expect(draftFieldOf('filter.and[1].gave.min', d)).toBe('gaveMin');
    expect(draftFieldOf('filter.and[0].kind', d)).toBe('kind');
    expect(draftFieldOf('filter.gave.from', { ...emptyDraft, gaveFrom: 'x' })).toBe('gaveFrom');
    expect(draftFieldOf('name', d)).toBeUndefined();
  });
});
