import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { eraseConfirmed, erasedAt, erasePersonalData, erasePhrase, isErased, personalDataFile, removedRows } from './privacy';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
});

function privacyReply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('erase confirmation', () => {
  it('needs the exact phrase with the record id', () => {
    expect(erasePhrase(42)).toBe('ERASE 42');
    expect(eraseConfirmed('ERASE 42', 42)).toBe(true);
    expect(eraseConfirmed('  ERASE 42 ', 42)).toBe(true);
    for (const typed of ['', 'erase 42', 'ERASE 4', 'ERASE 42!', 'ERASE  42', 'ERASE 43']) expect(eraseConfirmed(typed, 42)).toBe(false);
  });
  it('knows an erased record by erased_at, not by its name', () => {
    expect(isErased({ erased_at: '2026-11-29T10:00:00Z' })).toBe(true);
    expect(erasedAt({ erased_at: '2026-11-29T10:00:00Z' })).toBe('2026-11-29T10:00:00Z');
    expect(isErased({ erased_at: null })).toBe(false);
    expect(erasedAt({ erased_at: null })).toBeNull();
    expect(isErased({})).toBe(false);
    // A living donor who happens to carry the placeholder's words is not erased.
    expect(isErased({ id: 7, display_name: 'Erased donor #7', erased_at: null } as { erased_at: null })).toBe(false);
    expect(isErased({ id: 7, display_name: '김민지', erased_at: null } as { erased_at: null })).toBe(false);
  });
  it('lists what was removed, largest first, without the empty counts', () => {
    expect(removedRows({ emails: 1, phones: 0, addresses: 2, tags: 1 })).toEqual([
      ['addresses', 2],
      ['emails', 1],
      ['tags', 1],
    ]);
    expect(removedRows(undefined)).toEqual([]);
  });
});

describe('personal data requests', () => {
  it('saves the export as a pretty JSON file named after the record, Hangul intact', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => privacyReply(200, { format: 'steward-personal-data/1', constituent_id: 5, profile: { display_name: '김민지' } })));
    const file = await personalDataFile(5);
    expect(file.fileName).toBe('personal-data-5.json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(file.blob);
    });
    expect(JSON.parse(text).profile.display_name).toBe('김민지');
    expect(text).toContain('\n  "format"');
  });
  it('sends the typed confirmation with the CSRF token', async () => {
    const fetchMock = vi.fn().mockImplementation(() =>
      privacyReply(200, { constituent_id: 5, display_name: 'Erased donor #5', erased_at: '2026-11-29T10:00:00Z', redacted_audit_ids: [1], removed: { emails: 1 } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    const out = await erasePersonalData(5, ' ERASE 5 ');
    expect(out.display_name).toBe('Erased donor #5');
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/v1/constituents/5/erase');
    expect(JSON.parse(init.body)).toEqual({ confirm: 'ERASE 5' });
    expect(init.headers['X-CSRF-Token']).toBe('tok');
  });
});
