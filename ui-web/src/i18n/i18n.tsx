// The UI's language: a dictionary per language (en.ts, ko.ts), the `useT` hook, and the
// choice remembered in localStorage (default: the browser's first supported language).
// Money, numbers and dates follow the chosen locale through lib/format.ts (setFormatLocale).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setErrorTexts } from '../api/client';
import { setFormatLocale } from '../lib/format';
import { fieldErrorText, problemDetail } from '../lib/fieldErrors';
import { problemTitle } from '../lib/problems';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export type Language = 'en' | 'ko';
export const languages: Language[] = ['en', 'ko'];
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ko };
const storageKey = 'steward.language';

// The language to start with: the remembered choice, else the browser's first supported one.
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'en' || stored === 'ko') return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
}

// The Intl locale of a language ("ko" -> "ko-KR"; English keeps the browser's region).
export function localeFor(language: Language, browser: readonly string[]): string {
  if (language === 'ko') return 'ko-KR';
  return browser.find((b) => b.toLowerCase().startsWith('en')) ?? 'en-US';
}

export type Vars = Record<string, string | number>;

// Looks a key up and fills {placeholders}; an unknown key shows itself (never a blank).
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const text = dictionaries[language][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type T = (key: MessageKey, vars?: Vars) => string;

// The language in use, for code outside React (the session's notices, the API client's errors).
let current: Language = 'en';
export function currentLanguage(): Language {
  return current;
}
export function applyLanguage(language: Language): void {
  current = language;
  setErrorTexts({
    stale: translate(language, 'error.stale'),
    offline: translate(language, 'error.offline'),
    // English keeps the server's own title; other languages word it by the problem's type.
    title: (type, title) => (language === 'en' ? title : problemTitle(type, title, (key) => (key in en ? translate(language, key as MessageKey) : undefined))),
    // Field messages and details: English keeps the server's words; Korean words the known
    // codes (lib/fieldErrors.ts) and keeps the English for the rest.
    field: (error) => (language === 'en' ? error.message : fieldErrorText(error, lookupIn(language))),
    detail: (type, detail, errors) => (language === 'en' ? detail : problemDetail(type, detail, errors, lookupIn(language))),
  });
}

function lookupIn(language: Language) {
  return (key: string, vars?: Vars) => (key in en ? translate(language, key as MessageKey, vars) : undefined);
}

// For keys built at run time ("method." + name): falls back to the key's last part.
export function translateLoose(language: Language, key: string, vars?: Vars): string {
  if (key in en) return translate(language, key as MessageKey, vars);
  return key.slice(key.lastIndexOf('.') + 1).replace(/_/g, ' ');
}

interface I18n {
  language: Language;
  locale: string;
  t: T;
  tx(key: string, vars?: Vars): string;
  setLanguage(language: Language): void;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function initial(): Language {
  const language = pickLanguage(storedLanguage(), browserLanguages());
  setFormatLocale(localeFor(language, browserLanguages()));
  applyLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return language;
}

const fallback: I18n = {
  language: 'en',
  locale: 'en-US',
  t: (key, vars) => translate('en', key, vars),
  tx: (key, vars) => translateLoose('en', key, vars),
  setLanguage: () => undefined,
};

const I18nContext = createContext<I18n>(fallback);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initial);
  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setFormatLocale(localeFor(next, browserLanguages()));
    applyLanguage(next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      locale: localeFor(language, browserLanguages()),
      t: (key, vars) => translate(language, key, vars),
      tx: (key, vars) => translateLoose(language, key, vars),
      setLanguage,
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): T {
  return useContext(I18nContext).t;
}
