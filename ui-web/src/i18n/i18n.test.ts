import { describe, expect, it } from 'vitest';
import { en } from './en';
import { localeFor, pickLanguage, translate, translateLoose } from './i18n';
import { ko } from './ko';
import { formatDate, formatMinor } from '../lib/format';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('picks the remembered language, else the browser one, else English', () => {
    expect(pickLanguage('ko', ['en-US'])).toBe('ko');
    expect(pickLanguage(null, ['ko-KR', 'en'])).toBe('ko');
    expect(pickLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage('xx', ['de'])).toBe('en');
  });
  it('maps languages to Intl locales', () => {
    expect(localeFor('ko', ['en-US'])).toBe('ko-KR');
    expect(localeFor('en', ['ko-KR', 'en-GB'])).toBe('en-GB');
  });
  it('fills placeholders', () => {
    expect(translate('en', 'gift.countMany', { count: 2, total: '$3.00' })).toBe('2 gifts, $3.00');
    expect(translate('ko', 'gift.countMany', { count: 2, total: '₩3,000' })).toBe('후원 2건, ₩3,000');
  });
  it('has a Korean text for every key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ko[key], key).toBeTruthy();
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('shows a readable fallback for a key built at run time', () => {
    expect(translateLoose('ko', 'method.card')).toBe('카드');
    expect(translateLoose('ko', 'method.crypto_coin')).toBe('crypto coin');
  });
  it('formats KRW without decimals and dates in Korean', () => {
    expect(formatMinor(50000, 'KRW', 'ko-KR')).toBe('₩50,000');
    expect(formatDate('2026-03-05', 'ko-KR')).toBe('2026. 3. 5.');
  });
});
