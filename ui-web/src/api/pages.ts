// Following cursor pages: every list answers {items, next_after}; the next page is the same
// request with ?after=<next_after>.
import { apiPath, get } from './client';
import type { Page } from './types';

type Params = Record<string, string | number | null | undefined>;

// All items of a list, page by page (limit 500 each), up to maxPages pages; a list longer than
// that is cut short rather than loading without end.
export async function getAllPages<T>(path: string, params: Params, signal?: AbortSignal, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let after: number | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: Page<T> = await get<Page<T>>(apiPath(path, { ...params, limit: 500, after }), signal);
    items.push(...answer.items);
    if (answer.next_after === null || answer.next_after === undefined) break;
    after = answer.next_after;
  }
  return items;
}

// The page after `page` of the same list.
export function getNextPage<T>(path: string, params: Params, after: number, signal?: AbortSignal): Promise<Page<T>> {
  return get<Page<T>>(apiPath(path, { ...params, after }), signal);
}
