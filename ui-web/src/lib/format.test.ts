import { describe, expect, it } from 'vitest';
import { amountToMinor, formatDate, formatMinor, parseAmount, percent, today } from './format';

describe('money', () => {
  it('formats minor units in their currency', () => {
    expect(formatMinor(12345, 'USD', 'en-US')).toBe('$123.45');
    expect(formatMinor(1400000, 'KRW', 'en-US')).toBe('₩1,400,000');
    expect(formatMinor(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('parses what people type, refusing more decimals than the currency has', () => {
    expect(parseAmount('50', 'USD')).toEqual({ amount: '50.00' });
    expect(parseAmount(' 1,250.5 ', 'USD')).toEqual({ amount: '1250.50' });
    expect(parseAmount('50000', 'KRW')).toEqual({ amount: '50000' });
    expect(parseAmount('12.345', 'USD')).toHaveProperty('error');
    expect(parseAmount('10.5', 'KRW')).toHaveProperty('error');
    expect(parseAmount('', 'USD')).toEqual({ error: 'Enter an amount.', code: 'amount.empty' });
    expect(parseAmount('0.00', 'USD')).toHaveProperty('error');
    expect(parseAmount('-5', 'USD')).toHaveProperty('error');
    expect(parseAmount('1e3', 'USD')).toHaveProperty('error');
  });

  it('turns API decimal strings into exact minor units', () => {
    expect(amountToMinor('123.45', 'USD')).toBe(12345);
    expect(amountToMinor('0.10', 'USD')).toBe(10);
    expect(amountToMinor('50000', 'KRW')).toBe(50000);
    // 0.1 + 0.2 style float drift never reaches the total
    expect(amountToMinor('0.10', 'USD') + amountToMinor('0.20', 'USD')).toBe(30);
  });

  it('shows basis points as a percentage rounded down', () => {
    expect(percent(6667)).toBe('66.6%');
    expect(percent(10000)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });
});

describe('dates', () => {
  it('formats a calendar day without shifting it by the time zone', () => {
    expect(formatDate('2026-03-01', 'en-US')).toBe('Mar 1, 2026');
    expect(formatDate(null)).toBe('—');
  });

  it('gives today in the local calendar', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('fiscal years', () => {
  it('names the fiscal year by the year it ends', async () => {
    const { fiscalYear } = await import('./format');
    expect(fiscalYear(new Date(2026, 5, 30), 1)).toBe(2026);
    expect(fiscalYear(new Date(2026, 5, 30), 7)).toBe(2026);
    expect(fiscalYear(new Date(2026, 6, 1), 7)).toBe(2027);
  });
});
