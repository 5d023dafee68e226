// Saved analytics queries on the server (GET/POST /api/v1/analytics/saved-queries, PUT/DELETE
// .../{id}; decision 0218): the list split into the user's own and those shared by others, the
// explorer's draft rebuilt from a saved query body, and the one-time move of the queries an
// older version kept in this browser (localStorage) to the server.
import { ApiError, apiPath, del, errorMessage, post, request } from '../api/client';
import { minorDigits } from './format';
import { decodeDraft, idFields, manyValues, opsFor, queryBody, readSaved, savedKey, type AnalyticsDraft, type AnalyticsQuery, type SavedQuery as LocalQuery } from './analytics';

export interface ServerSavedQuery {
  id: number;
  name: string;
  query: AnalyticsQuery;
  shared: boolean;
  owner: string;
  mine: boolean;
  can_change: boolean;
  created_at: string;
  updated_at: string;
}

export const savedQueriesPath = apiPath('/analytics/saved-queries');

export function savedGroups(items: ServerSavedQuery[]): { mine: ServerSavedQuery[]; shared: ServerSavedQuery[] } {
  const byName = (a: ServerSavedQuery, b: ServerSavedQuery) => a.name.localeCompare(b.name) || a.id - b.id;
  return { mine: items.filter((q) => q.mine).sort(byName), shared: items.filter((q) => !q.mine).sort(byName) };
}

// Minor units as the explorer's typed amount ("100050" USD -> "1000.50"; KRW has no decimals).
function amountText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

// The explorer's draft for a saved query body: the inverse of queryBody (amounts typed in the
// base currency, ids and names as text; missing parts take the form's defaults).
export function draftFromQuery(q: AnalyticsQuery, currency: string): AnalyticsDraft {
  const base = decodeDraft(JSON.stringify({ measures: q.measures ?? [], dimensions: q.dimensions ?? [], grain: q.grain, from: q.from, to: q.to }));
  const filters = (q.filters ?? []).map((f) => {
    const raw = f.values ?? (f.value === undefined ? [] : [f.value]);
    const values = raw.map((v) => (f.field === 'amount' && typeof v === 'number' ? amountText(v, currency) : String(v)));
    const op = opsFor(f.field).includes(f.op) ? f.op : opsFor(f.field)[0];
    return { field: f.field, op, values: manyValues(op) || idFields.has(f.field) ? values : values.slice(0, 1) };
  });
  return { ...base, filters, limit: q.limit === undefined ? '' : String(q.limit) };
}

export interface SaveInput {
  name: string;
  query: AnalyticsQuery;
  shared: boolean;
}

export function createSaved(input: SaveInput): Promise<ServerSavedQuery> {
  return post<ServerSavedQuery>(savedQueriesPath, input);
}

// Rename, share or unshare: the whole saved query is sent (PUT replaces name, query and shared).
export async function replaceSaved(q: ServerSavedQuery, change: Partial<SaveInput>): Promise<ServerSavedQuery> {
  const body: SaveInput = { name: q.name, query: q.query, shared: q.shared, ...change };
  return (await request<ServerSavedQuery>('PUT', `${savedQueriesPath}/${q.id}`, { body })).data;
}

export function deleteSaved(id: number): Promise<void> {
  return del(`${savedQueriesPath}/${id}`);
}

export interface MoveOutcome {
  moved: string[];
  failed: { name: string; message: string }[];
  left: LocalQuery[]; // what stays in this browser (the failures)
}

// Moves the browser's saved queries to the server, one request each. A name the user already
// has on the server is saved as "name (2)", "name (3)"... rather than lost; any other failure
// keeps that query in the browser and says why.
export async function moveLocalQueries(local: LocalQuery[], currency: string, save: (input: SaveInput) => Promise<unknown> = createSaved): Promise<MoveOutcome> {
  const out: MoveOutcome = { moved: [], failed: [], left: [] };
  for (const item of local) {
    const query = queryBody(decodeDraft(item.q), currency);
    let saved = false;
    for (let n = 1; n <= 5 && !saved; n++) {
      const name = n === 1 ? item.name : `${item.name} (${n})`;
      try {
        await save({ name, query, shared: false });
        out.moved.push(name);
        saved = true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) continue;
        out.failed.push({ name: item.name, message: errorMessage(e) });
        out.left.push(item);
        break;
      }
    }
    if (!saved && !out.left.includes(item)) {
      out.failed.push({ name: item.name, message: 'the name is taken' });
      out.left.push(item);
    }
  }
  return out;
}

// The queries an older version kept in this browser, and writing back what is left after a move.

export function readLocal(storage: Pick<Storage, 'getItem'> | null): LocalQuery[] {
  try {
    return readSaved(storage?.getItem(savedKey) ?? null);
  } catch {
    return [];
  }
}

export function writeLocal(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, left: LocalQuery[]): void {
  try {
    if (left.length === 0) storage?.removeItem(savedKey);
    else storage?.setItem(savedKey, JSON.stringify(left));
  } catch {
    // Private windows may refuse storage; the move is done on the server either way.
  }
}
