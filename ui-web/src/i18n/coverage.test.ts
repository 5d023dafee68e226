// Every UI string goes through the dictionaries: both have the same keys, every key the
// sources use with t('...') exists, and no page or component has English text written
// straight into its JSX (labels, headings, buttons).
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';

const sources = import.meta.glob(['../pages/**/*.tsx', '../components/**/*.tsx', '../App.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// Text that is the same in every language.
const allowed = new Set(['Steward']);

describe('dictionaries', () => {
  it('have the same keys, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ko)) expect(text.trim(), key).not.toBe('');
  });
  it('have every key the sources use', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\('([^'$`]+)'/g)) if (!(m[1] in en)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
  it('leave no English text written into a page or component', () => {
    const found: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      // JSX text between tags: ">Save gift<" or a line of its own inside an element.
      for (const m of code.matchAll(/(?<!=)>\s*([A-Za-z][A-Za-z ,.'’!?()#…-]*[A-Za-z.…!?)])\s*</g)) {
        if (!allowed.has(m[1].trim())) found.push(`${file}: ${m[1].trim()}`);
      }
      for (const m of code.matchAll(/\b(label|aria-label|placeholder|title|hint)="([A-Z][^"]*)"/g)) found.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(found).toEqual([]);
  });
});
