import { describe, expect, it } from 'vitest';
import { refundableMinor, refundBody } from './refund';

const gift = { amount: { amount: '100.00', currency: 'USD', minor: 10000 }, refunded: { amount: '30.00', currency: 'USD', minor: 3000 } };

describe('refunds', () => {
  it('knows what is left to refund', () => {
    expect(refundableMinor(gift.amount, gift.refunded)).toBe(7000);
    expect(refundableMinor(gift.amount, null)).toBe(10000);
  });
  it('sends no amount for a full refund', () => {
    expect(refundBody(gift, { full: true, amount: '', date: '2026-03-01', reason: ' 중복 결제 ' })).toEqual({ body: { refunded_on: '2026-03-01', reason: '중복 결제' } });
  });
  it('sends the amount of a partial refund', () => {
    expect(refundBody(gift, { full: false, amount: '20', date: '2026-03-01', reason: '' })).toEqual({
      body: { refunded_on: '2026-03-01', amount: { amount: '20.00', currency: 'USD' } },
    });
  });
  it('refuses more than is left, a bad amount, a missing date', () => {
    expect(refundBody(gift, { full: false, amount: '70.01', date: '2026-03-01', reason: '' })).toEqual({ errors: { amount: 'refund.amountTooLarge' } });
    expect(refundBody(gift, { full: false, amount: '1.234', date: '', reason: '' })).toEqual({ errors: { amount: 'refund.amountInvalid', refunded_on: 'refund.dateMissing' } });
  });
  it('refuses a gift refunded in full', () => {
    const done = { ...gift, refunded: gift.amount };
    expect(refundBody(done, { full: true, amount: '', date: '2026-03-01', reason: '' })).toEqual({ errors: { amount: 'refund.nothingLeft' } });
  });
});
