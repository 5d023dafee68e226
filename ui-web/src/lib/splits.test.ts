import { describe, expect, it } from 'vitest';
import { allocationsBody, checkSplits, fillRemainder, minorToAmount } from './splits';

describe('fund splits', () => {
  it('sums exact minor units and shows what is left', () => {
    const c = checkSplits('100.00', [{ fundId: '1', amount: '33.33' }, { fundId: '2', amount: '33.33' }], 'USD');
    expect(c.allocatedMinor).toBe(6666);
    expect(c.remainingMinor).toBe(3334);
    expect(c.ok).toBe(false);
  });
  it('is ok only when the rows add up exactly', () => {
    expect(checkSplits('100', [{ fundId: '1', amount: '66.67' }, { fundId: '2', amount: '33.33' }], 'USD').ok).toBe(true);
    expect(checkSplits('100', [{ fundId: '1', amount: '70' }, { fundId: '2', amount: '40' }], 'USD').remainingMinor).toBe(-1000);
  });
  it('flags a missing fund, a fund twice and a bad amount per row', () => {
    const c = checkSplits('10', [{ fundId: '', amount: '1' }, { fundId: '2', amount: 'x' }, { fundId: '2', amount: '1' }], 'USD');
    expect(c.rowErrors).toEqual(['split.fundMissing', 'split.amountInvalid', 'split.fundTwice']);
  });
  it('handles KRW without decimals', () => {
    const c = checkSplits('50000', [{ fundId: '1', amount: '30000' }, { fundId: '2', amount: '20000' }], 'KRW');
    expect(c.ok).toBe(true);
    expect(checkSplits('50000', [{ fundId: '1', amount: '300.5' }, { fundId: '2', amount: '1' }], 'KRW').rowErrors[0]).toBe('split.amountInvalid');
  });
  it('has no remainder while the gift amount is not valid', () => {
    expect(checkSplits('abc', [{ fundId: '1', amount: '1' }, { fundId: '2', amount: '1' }], 'USD').remainingMinor).toBeNull();
  });
  it('fills the rest on one row', () => {
    const rows = fillRemainder('100.00', [{ fundId: '1', amount: '25.50' }, { fundId: '2', amount: '' }], 1, 'USD');
    expect(rows[1].amount).toBe('74.50');
    expect(fillRemainder('10', [{ fundId: '1', amount: '20' }, { fundId: '2', amount: '' }], 1, 'USD')[1].amount).toBe('');
  });
  it('writes decimal strings from minor units', () => {
    expect(minorToAmount(5, 'USD')).toBe('0.05');
    expect(minorToAmount(123456, 'USD')).toBe('1234.56');
    expect(minorToAmount(50000, 'KRW')).toBe('50000');
  });
  it('builds the allocations: one row takes the whole gift', () => {
    expect(allocationsBody('12.50', [{ fundId: '3', amount: '' }], 'USD')).toEqual([{ fund_id: 3, amount: { amount: '12.50', currency: 'USD' } }]);
    expect(allocationsBody('12.50', [{ fundId: '3', amount: '10' }, { fundId: '4', amount: '2.5' }], 'USD')).toEqual([
      { fund_id: 3, amount: { amount: '10.00', currency: 'USD' } },
      { fund_id: 4, amount: { amount: '2.50', currency: 'USD' } },
    ]);
  });
});
