import { describe, expect, it } from 'vitest';
import { mergeRequest } from './merge';

describe('merge request', () => {
  it('takes only the loser-chosen fields and sends both ETags', () => {
    expect(mergeRequest(12, 34, { first_name: 34, last_name: 12, notes: 34 }, { 12: '"a"', 34: '"b"' })).toEqual({
      survivor: 12,
      losers: [34],
      take: { first_name: 34, notes: 34 },
      etags: { '12': '"a"', '34': '"b"' },
    });
  });

  it('leaves out a missing ETag (the server answers 428)', () => {
    expect(mergeRequest(34, 12, {}, { 12: null, 34: '"b"' }).etags).toEqual({ '34': '"b"' });
  });
});
