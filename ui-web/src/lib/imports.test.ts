import { describe, expect, it } from 'vitest';
import { commitProgress, describeRecord, isFinished, outcomeCounts, totalRows, uploadParams, widthClass } from './imports';

describe('imports', () => {
  it('builds the upload query, leaving out detection and an empty fund', () => {
    expect(uploadParams({ fileName: '후원.csv', plugin: '', policy: 'create', defaultFund: '', dryRun: true })).toEqual({
      file_name: '후원.csv',
      policy: 'create',
      dry_run: 'true',
    });
    expect(uploadParams({ fileName: 'a.csv', plugin: 'org.steward.import.stripe', policy: 'review', defaultFund: 'GEN', dryRun: false })).toEqual({
      file_name: 'a.csv',
      policy: 'review',
      dry_run: 'false',
      plugin: 'org.steward.import.stripe',
      default_fund: 'GEN',
    });
  });
  it('lists outcomes with rows in a fixed order, unknown ones last', () => {
    expect(outcomeCounts({ error: 1, new_gift: 3, zeta: 2, review: 0, duplicate: 2 })).toEqual([
      { outcome: 'new_gift', count: 3 },
      { outcome: 'duplicate', count: 2 },
      { outcome: 'error', count: 1 },
      { outcome: 'zeta', count: 2 },
    ]);
    expect(outcomeCounts(undefined)).toEqual([]);
    expect(totalRows({ new_gift: 3, error: 1 })).toBe(4);
  });
  it('computes percent done and rows per second', () => {
    expect(commitProgress({ rows_total: 200, rows_committed: 50, status: 'committing' }, null, null)).toEqual({ percent: 25, rowsPerSecond: null });
    expect(
      commitProgress({ rows_total: 200, rows_committed: 150, status: 'committing' }, { rows: 50, at: 1000 }, { rows: 150, at: 1500 }),
    ).toEqual({ percent: 75, rowsPerSecond: 200 });
    expect(commitProgress({ rows_total: 0, rows_committed: 0, status: 'committed' }, null, null).percent).toBe(100);
    expect(commitProgress({ rows_total: 10, rows_committed: 30, status: 'committing' }, null, null).percent).toBe(100);
    expect(isFinished('committed')).toBe(true);
    expect(isFinished('failed')).toBe(true);
    expect(isFinished('committing')).toBe(false);
    expect(widthClass(37)).toBe('w-35');
    expect(widthClass(140)).toBe('w-100');
  });
  it('describes a parsed payment in one line, Hangul kept', () => {
    expect(
      describeRecord({ donor_name: '김민지', donor_email: 'kim@example.kr', amount: { minor: 5000, currency: 'USD' }, date: '2026-01-05' }, 'en-US'),
    ).toBe('김민지 · kim@example.kr · $50.00 · 2026-01-05');
    expect(describeRecord({ amount: { minor: 50000, currency: 'KRW' } }, 'ko-KR')).toBe('₩50,000');
    expect(describeRecord(null)).toBe('');
  });
});
