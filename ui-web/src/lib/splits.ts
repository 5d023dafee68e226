// Fund splits of a gift: several allocations that must sum exactly to the gift's amount. All
// sums are in exact minor units; the remainder is shown live while the user types.
import { amountToMinor, minorDigits, parseAmount } from './format';

export interface SplitRow {
  fundId: string;
  amount: string;
}

export interface SplitCheck {
  // Sum of the rows that parse, in minor units.
  allocatedMinor: number;
  // Gift amount minus allocated (negative when over-allocated); null when the gift amount is not valid.
  remainingMinor: number | null;
  // Per row index: an error key, or undefined.
  rowErrors: (SplitError | undefined)[];
  ok: boolean;
}

export type SplitError = 'split.fundMissing' | 'split.fundTwice' | 'split.amountInvalid';

export function checkSplits(giftAmount: string, rows: SplitRow[], currency: string): SplitCheck {
  const gift = parseAmount(giftAmount, currency);
  const giftMinor = 'amount' in gift ? amountToMinor(gift.amount, currency) : null;
  let allocated = 0;
  const seen = new Set<string>();
  const rowErrors = rows.map((row): SplitError | undefined => {
    if (!row.fundId) return 'split.fundMissing';
    if (seen.has(row.fundId)) return 'split.fundTwice';
    seen.add(row.fundId);
    const parsed = parseAmount(row.amount, currency);
    if ('error' in parsed) return 'split.amountInvalid';
    allocated += amountToMinor(parsed.amount, currency);
    return undefined;
  });
  const remaining = giftMinor === null ? null : giftMinor - allocated;
  return {
    allocatedMinor: allocated,
    remainingMinor: remaining,
    rowErrors,
    ok: remaining === 0 && rowErrors.every((e) => e === undefined),
  };
}

// The decimal string of a minor amount ("12345" USD -> "123.45").
export function minorToAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

// Puts what is left of the gift on the last row (the "fill the rest" button), never below zero.
export function fillRemainder(giftAmount: string, rows: SplitRow[], index: number, currency: string): SplitRow[] {
  const others = rows.filter((_, i) => i !== index);
  const check = checkSplits(giftAmount, others, currency);
  if (check.remainingMinor === null || check.remainingMinor <= 0) return rows;
  return rows.map((r, i) => (i === index ? { ...r, amount: minorToAmount(check.remainingMinor as number, currency) } : r));
}

// The request's allocations: one row gets the whole amount; several rows their own amounts.
export function allocationsBody(
  giftAmount: string,
  rows: SplitRow[],
  currency: string,
): { fund_id: number; amount: { amount: string; currency: string } }[] {
  if (rows.length === 1) return [{ fund_id: Number(rows[0].fundId), amount: { amount: giftAmount, currency } }];
  return rows.map((r) => {
    const parsed = parseAmount(r.amount, currency);
    return { fund_id: Number(r.fundId), amount: { amount: 'amount' in parsed ? parsed.amount : r.amount, currency } };
  });
}
