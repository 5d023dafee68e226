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

// An erased record keeps only "Erased donor #id" as its name (the server's rename); the
// constituent answer has no erased_at field, so the name is the sign.
export function isErased(record: { id: number; display_name: string }): boolean {
  return record.display_name === `Erased donor #${record.id}`;
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
