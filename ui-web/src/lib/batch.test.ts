import { describe, expect, it } from 'vitest';
import { batchBalance, checkBatchForm } from './batch';

describe('batch controls', () => {
  it('counts down to balanced', () => {
    expect(batchBalance({ expectedCount: 3, expectedMinor: 30000, actualCount: 1, actualMinor: 10000 })).toEqual({ countLeft: 2, minorLeft: 20000, balanced: false, state: 'short' });
    expect(batchBalance({ expectedCount: 3, expectedMinor: 30000, actualCount: 3, actualMinor: 30000 }).state).toBe('balanced');
  });
  it('says over when more was entered than the controls', () => {
    expect(batchBalance({ expectedCount: 2, expectedMinor: 100, actualCount: 2, actualMinor: 150 }).state).toBe('over');
  });
  it('checks the new-batch form', () => {
    expect(checkBatchForm('', '0')).toEqual({ name: 'batch.nameMissing', expected_count: 'batch.countInvalid' });
    expect(checkBatchForm('3월 입금', '12')).toEqual({});
    expect(checkBatchForm('x', '1.5')).toEqual({ expected_count: 'batch.countInvalid' });
  });
});
