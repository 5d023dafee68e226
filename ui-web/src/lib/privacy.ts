// Personal data of one donor (decision 0190; pages/PrivacyCard.tsx, admins only): the export
// as a file, the typed confirmation of an erase, and whether a record has been erased.
import { apiPath, post, request } from '../api/client';

export interface EraseOutcome {
  constituent_id: number;
  display_name: string;
  erased_at: string;
  redacted_audit_ids: number[];
  removed: Record<string, number>;
}

// What the admin must type, exactly as the server checks it.
export function erasePhrase(id: number): string {
  return `ERASE ${id}`;
}

// Surrounding spaces are forgiven; the words and the number must match (capitals as shown).
export function eraseConfirmed(typed: string, id: number): boolean {
  return typed.trim() === erasePhrase(id);
}

// The constituent answer's erased_at (null, or when the identity was erased) is the sign; the
// placeholder name is not (a living donor may be called anything). Decision 0213.
export function isErased(record: { erased_at?: unknown }): boolean {
  return typeof record.erased_at === 'string' && record.erased_at !== '';
}

// When the record was erased, or null.
export function erasedAt(record: { erased_at?: unknown }): string | null {
  return isErased(record) ? (record.erased_at as string) : null;
}

// The export document as a JSON file to save (pretty-printed, UTF-8).
export async function personalDataFile(id: number): Promise<{ blob: Blob; fileName: string }> {
  const r = await request<unknown>('GET', apiPath(`/constituents/${id}/personal-data`));
  const blob = new Blob([JSON.stringify(r.data, null, 2) + '\n'], { type: 'application/json;charset=utf-8' });
  return { blob, fileName: `personal-data-${id}.json` };
}

export function erasePersonalData(id: number, typed: string): Promise<EraseOutcome> {
  return post<EraseOutcome>(apiPath(`/constituents/${id}/erase`), { confirm: typed.trim() });
}

// The counts of removed rows, largest first, without the empty ones.
export function removedRows(removed: Record<string, number> | undefined): [string, number][] {
  return Object.entries(removed ?? {})
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
