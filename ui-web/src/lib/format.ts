// Money and dates as people read them. Money arrives as exact minor units; it is formatted
// with Intl in its own currency (so KRW shows no decimals) and never computed in floats
// beyond display.
import type { Money } from '../api/types';

// The locale money, numbers and dates are formatted in unless a caller names one; the
// language layer (i18n/i18n.tsx) sets it to the user's choice.
let defaultLocale: string | undefined;

export function setFormatLocale(locale: string | undefined): void {
  defaultLocale = locale;
}

export function formatLocale(): string | undefined {
  return defaultLocale;
}

export function formatNumber(value: number, locale: string | undefined = defaultLocale): string {
  return new Intl.NumberFormat(locale).format(value);
}

const zeroDecimal = new Set(['KRW', 'JPY', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF']);

export function minorDigits(currency: string): number {
  return zeroDecimal.has(currency.toUpperCase()) ? 0 : 2;
}

export function formatMinor(minor: number, currency: string, locale: string | undefined = defaultLocale): string {
  const digits = minorDigits(currency);
  const value = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${currency}`;
  }
}

export function formatMoney(money: Money | null | undefined, locale: string | undefined = defaultLocale): string {
  if (!money) return '—';
  return formatMinor(money.minor, money.currency, locale);
}

// "2026-03-05" -> "Mar 5, 2026" in the user's locale; the date is a calendar day, not an
// instant, so it is formatted in UTC to never shift by a day.
export function formatDate(day: string | null | undefined, locale: string | undefined = defaultLocale): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

// Today as YYYY-MM-DD in the user's time zone (the day a gift is entered).
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

// Checks an amount typed by a person against the currency's minor digits: "50", "50.5",
// "1,250.00" are fine for USD; "50.123" is not. Returns the API's decimal string or an error.
export type AmountErrorCode = 'amount.empty' | 'amount.whole' | 'amount.decimals' | 'amount.zero';

export function parseAmount(
  text: string,
  currency: string,
): { amount: string } | { error: string; code: AmountErrorCode } {
  const cleaned = text.trim().replace(/,/g, '');
  if (!cleaned) return { error: 'Enter an amount.', code: 'amount.empty' };
  const digits = minorDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : /^\d+(\.\d{1,2})?$/;
  if (!pattern.test(cleaned)) {
    return digits === 0
      ? { error: `Enter a whole number of ${currency} (like 50000).`, code: 'amount.whole' }
      : { error: `Enter an amount like 50.00 (at most ${digits} decimals).`, code: 'amount.decimals' };
  }
  if (/^0+(\.0+)?$/.test(cleaned)) return { error: 'The amount must be more than zero.', code: 'amount.zero' };
  if (digits === 0) return { amount: String(BigInt(cleaned)) };
  const [whole, frac = ''] = cleaned.split('.');
  return { amount: `${BigInt(whole)}.${frac.padEnd(2, '0')}` };
}

export function percent(basisPoints: number): string {
  return `${Math.floor(basisPoints / 10) / 10}%`;
}

// The exact minor units of an API decimal string ("1250.50" in USD -> 125050).
export function amountToMinor(amount: string, currency: string): number {
  const digits = minorDigits(currency);
  const [whole, frac = ''] = amount.split('.');
  return Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0').slice(0, digits) || '0');
}

// The fiscal year a day falls in, named by the year it ends (domain::fiscal_year): with a
// July start, 2026-07-01 is in FY 2027.
export function fiscalYear(now: Date, startMonth: number): number {
  const year = now.getFullYear();
  if (startMonth <= 1) return year;
  return now.getMonth() + 1 >= startMonth ? year + 1 : year;
}

// An instant ("2026-03-05T10:20:00Z") as a date and time in the user's locale and time zone.
export function formatInstant(instant: string | null | undefined, locale: string | undefined = defaultLocale): string {
  if (!instant) return '—';
  const date = new Date(instant.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
