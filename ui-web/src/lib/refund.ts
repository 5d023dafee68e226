// A refund of a gift: full (what is left to refund) or partial (an amount up to it).
import { amountToMinor, parseAmount } from './format';
import type { Money } from '../api/types';

export type RefundError = 'refund.amountInvalid' | 'refund.amountTooLarge' | 'refund.nothingLeft' | 'refund.dateMissing';

export function refundableMinor(amount: Money, refunded: Money | null | undefined): number {
  return amount.minor - (refunded?.minor ?? 0);
}

export function refundBody(
  gift: { amount: Money; refunded?: Money | null },
  form: { full: boolean; amount: string; date: string; reason: string },
): { body: Record<string, unknown> } | { errors: Record<string, RefundError> } {
  const errors: Record<string, RefundError> = {};
  const left = refundableMinor(gift.amount, gift.refunded);
  const currency = gift.amount.currency;
  if (left <= 0) errors.amount = 'refund.nothingLeft';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.refunded_on = 'refund.dateMissing';
  const body: Record<string, unknown> = { refunded_on: form.date };
  if (form.reason.trim()) body.reason = form.reason.trim();
  if (!form.full && !errors.amount) {
    const parsed = parseAmount(form.amount, currency);
    if ('error' in parsed) errors.amount = 'refund.amountInvalid';
    else if (amountToMinor(parsed.amount, currency) > left) errors.amount = 'refund.amountTooLarge';
    else body.amount = { amount: parsed.amount, currency };
  }
  return Object.keys(errors).length ? { errors } : { body };
}
