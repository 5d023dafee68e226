// Sorting the rows of a loaded page. The API pages by sort name; a header click re-orders the
// page the user sees (locale-aware, so Hangul and Latin names sort as people expect).
import type { Constituent } from '../api/types';

export type SortKey = 'sort_name' | 'kind' | 'id';

const collator = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });

export function sortRows(rows: Constituent[], key: SortKey, descending: boolean): Constituent[] {
  const sorted = [...rows].sort((a, b) => {
    const order =
      key === 'id' ? a.id - b.id : collator.compare(String(a[key] ?? ''), String(b[key] ?? '')) || a.id - b.id;
    return descending ? -order : order;
  });
  return sorted;
}
