import { describe, expect, it } from 'vitest';
import type { Constituent } from '../api/types';
import { sortRows } from './sort';

const row = (id: number, sort_name: string, kind: Constituent['kind'] = 'individual') =>
  ({ id, sort_name, display_name: sort_name, kind }) as Constituent;

describe('sorting a page of constituents', () => {
  const rows = [row(3, '홍길동'), row(1, 'Kim, Miyoung'), row(2, '김미영', 'household')];

  it('sorts Hangul and Latin names by the column, both ways', () => {
    expect(sortRows(rows, 'id', false).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(sortRows(rows, 'id', true).map((r) => r.id)).toEqual([3, 2, 1]);
    const byName = sortRows(rows, 'sort_name', false).map((r) => r.sort_name);
    expect(byName.indexOf('김미영')).toBeLessThan(byName.indexOf('홍길동'));
    expect(sortRows(rows, 'kind', false)[0].kind).toBe('household');
  });

  it('does not change the page it was given', () => {
    sortRows(rows, 'id', true);
    expect(rows.map((r) => r.id)).toEqual([3, 1, 2]);
  });
});
