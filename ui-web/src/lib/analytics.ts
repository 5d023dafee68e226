// The analytics explorer (POST /api/v1/analytics/query, docs/reporting.md): the query draft a
// person builds (measures, dimensions, grain, dates, filters, limit), its checks before a run,
// the request body, where a server error belongs on the form, the draft kept in the address
// (a link to share), and the chart series of an answer.
import { amountToMinor, minorDigits, parseAmount } from './format';
import type { Cell, ReportColumn, ChartSeries } from './reports';

export const measureNames = ['amount', 'gift_count', 'donor_count', 'average', 'median', 'new_donors', 'retained_donors'] as const;
export const dimensionNames = ['period', 'fund', 'campaign', 'appeal', 'method', 'kind', 'organisation_type', 'region', 'tag', 'segment'] as const;
export const grainNames = ['month', 'quarter', 'year', 'fiscal_year'] as const;
export const filterFields = ['fund', 'campaign', 'appeal', 'tag', 'segment', 'method', 'kind', 'organisation_type', 'region', 'amount'] as const;
export const moneyMeasures = new Set(['amount', 'average', 'median']);
export const maxDimensions = 4;
export const maxLimit = 10000;

export type FilterField = (typeof filterFields)[number];

// Filters on these name records by id (the page offers their names).
export const idFields = new Set<string>(['fund', 'campaign', 'appeal', 'tag', 'segment']);
// Fields with a fixed set of values (the page offers them as choices).
export const choiceValues: Record<string, string[]> = {
  method: ['cash', 'check', 'card', 'ach', 'wire', 'stock', 'in_kind', 'other'],
  kind: ['individual', 'household', 'organization'],
};

export function opsFor(field: string): string[] {
  return field === 'amount' ? ['=', '!=', '<', '<=', '>', '>='] : ['in', 'not_in', '=', '!='];
}

export function manyValues(op: string): boolean {
  return op === 'in' || op === 'not_in';
}

export interface FilterDraft {
  field: string;
  op: string;
  // Chosen values: ids or names as text; for a text field typed as "a, b"; amount in major units.
  values: string[];
}

export interface AnalyticsDraft {
  measures: string[];
  dimensions: string[];
  grain: string;
  from: string;
  to: string;
  filters: FilterDraft[];
  limit: string;
}

export const defaultDraft: AnalyticsDraft = {
  measures: ['amount', 'gift_count'],
  dimensions: ['period'],
  grain: 'month',
  from: '',
  to: '',
  filters: [],
  limit: '',
};

export function newFilter(field: string = 'fund'): FilterDraft {
  return { field, op: opsFor(field)[0], values: [] };
}

// What is wrong, by form key: measures, dimensions, from, to, limit, filters.N.
export type DraftProblem = 'measures' | 'dimensions' | 'date' | 'order' | 'limit' | 'value' | 'amount' | 'integer';

export function checkDraft(d: AnalyticsDraft, currency: string): Record<string, DraftProblem> {
  const out: Record<string, DraftProblem> = {};
  if (d.measures.length === 0) out.measures = 'measures';
  if (d.dimensions.length > maxDimensions) out.dimensions = 'dimensions';
  if (d.from && !validDate(d.from)) out.from = 'date';
  if (d.to && !validDate(d.to)) out.to = 'date';
  if (!out.from && !out.to && d.from && d.to && d.to < d.from) out.to = 'order';
  const limit = d.limit.trim();
  if (limit && (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > maxLimit)) out.limit = 'limit';
  d.filters.forEach((f, i) => {
    const values = f.values.map((v) => v.trim()).filter((v) => v !== '');
    const key = `filters.${i}`;
    if (values.length === 0) out[key] = 'value';
    else if (!manyValues(f.op) && values.length > 1) out[key] = 'value';
    else if (f.field === 'amount' && values.some((v) => 'error' in parseAmount(v, currency) && !/^0+(\.0+)?$/.test(v))) out[key] = 'amount';
    else if (idFields.has(f.field) && values.some((v) => !/^\d+$/.test(v))) out[key] = 'integer';
  });
  return out;
}

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
}

// The minor units of an amount typed in the base currency ("1,000.50" USD -> 100050).
export function amountMinor(text: string, currency: string): number {
  const cleaned = text.trim().replace(/,/g, '');
  if (/^0+(\.0+)?$/.test(cleaned)) return 0;
  const parsed = parseAmount(cleaned, currency);
  return 'amount' in parsed ? amountToMinor(parsed.amount, currency) : NaN;
}

export interface AnalyticsQuery {
  measures: string[];
  dimensions?: string[];
  grain?: string;
  from?: string;
  to?: string;
  filters?: { field: string; op: string; value?: number | string; values?: (number | string)[] }[];
  limit?: number;
}

// The request body: empty parts left out so the server's defaults apply (grain only with a
// period dimension).
export function queryBody(d: AnalyticsDraft, currency: string): AnalyticsQuery {
  const q: AnalyticsQuery = { measures: [...d.measures] };
  if (d.dimensions.length) q.dimensions = [...d.dimensions];
  if (d.dimensions.includes('period')) q.grain = d.grain;
  if (d.from) q.from = d.from;
  if (d.to) q.to = d.to;
  if (d.filters.length) {
    q.filters = d.filters.map((f) => {
      const raw = f.values.map((v) => v.trim()).filter((v) => v !== '');
      const values = raw.map((v) => (f.field === 'amount' ? amountMinor(v, currency) : idFields.has(f.field) ? Number(v) : v));
      return manyValues(f.op) ? { field: f.field, op: f.op, values } : { field: f.field, op: f.op, value: values[0] };
    });
  }
  if (d.limit.trim()) q.limit = Number(d.limit.trim());
  return q;
}

// The form key a server error path belongs to: "measures[1]" -> "measures",
// "filters[2].values[0]" -> "filters.2", "sort[0].field" -> "form" (the page sorts itself).
export function formKeyOf(path: string): string {
  const filter = /^filters\[(\d+)\]/.exec(path);
  if (filter) return `filters.${filter[1]}`;
  const head = /^([a-z_]+)/.exec(path)?.[1] ?? '';
  if (head === 'measures' || head === 'dimensions' || head === 'from' || head === 'to' || head === 'limit') return head;
  if (head === 'grain') return 'dimensions';
  return 'form';
}

// The draft in the address (?q=...), so a query can be bookmarked and shared; anything that
// does not read back as a draft gives the default.
export function encodeDraft(d: AnalyticsDraft): string {
  return JSON.stringify(d);
}

export function decodeDraft(text: string | null): AnalyticsDraft {
  if (!text) return defaultDraft;
  try {
    const v = JSON.parse(text) as Partial<AnalyticsDraft>;
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    const str = (x: unknown, fallback: string) => (typeof x === 'string' ? x : fallback);
    const filters = Array.isArray(v.filters)
      ? v.filters
          .filter((f): f is FilterDraft => typeof f === 'object' && f !== null && typeof (f as FilterDraft).field === 'string')
          .map((f) => ({ field: f.field, op: str(f.op, opsFor(f.field)[0]), values: strings(f.values) }))
      : [];
    return {
      measures: strings(v.measures).filter((m) => (measureNames as readonly string[]).includes(m)),
      dimensions: strings(v.dimensions).filter((m) => (dimensionNames as readonly string[]).includes(m)),
      grain: (grainNames as readonly string[]).includes(str(v.grain, '')) ? str(v.grain, 'month') : 'month',
      from: str(v.from, ''),
      to: str(v.to, ''),
      filters,
      limit: str(v.limit, ''),
    };
  } catch {
    return defaultDraft;
  }
}

// Moves one name up or down in an ordered list (the order of dimensions is the table's).
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export interface AnalyticsAnswer {
  columns: ReportColumn[];
  rows: Cell[][];
  chart: { kind: 'bar' | 'line' | 'pie'; x: string; y: string[] } | null;
  from: string;
  to: string;
  groups: number;
  truncated: boolean;
  message?: string;
}

function numberOf(v: Cell): { value: number; currency: string | null } {
  if (typeof v === 'object' && v !== null && 'minor' in v) return { value: v.minor / 10 ** minorDigits(v.currency), currency: v.currency };
  return { value: typeof v === 'number' ? v : 0, currency: null };
}

// The chart of an answer: x is the first dimension; one measure (money in major units). With a
// second dimension, each of its values is a line/bar series (at most `maxSeries`, the largest
// first); otherwise one series. `show` words a group (as the table does). Null without a
// dimension or rows.
export function analyticsSeries(
  answer: AnalyticsAnswer,
  measure: string,
  kind: 'bar' | 'line',
  label: (column: ReportColumn) => string,
  show: (value: Cell, column: ReportColumn) => string,
  maxSeries = 8,
): ChartSeries | null {
  const xi = answer.columns.findIndex((c, i) => i === 0 && !measureNames.includes(c.name as never));
  const yi = answer.columns.findIndex((c) => c.name === measure);
  if (xi < 0 || yi < 0 || answer.rows.length === 0) return null;
  const text = (v: Cell, i: number) => show(v, answer.columns[i]);
  const second = answer.columns.length > 1 && !measureNames.includes(answer.columns[1].name as never) ? 1 : -1;
  let currency: string | null = null;
  const labels: string[] = [];
  for (const r of answer.rows) {
    const x = text(r[xi], xi);
    if (!labels.includes(x)) labels.push(x);
  }
  if (second < 0) {
    const data = labels.map(() => 0);
    for (const r of answer.rows) {
      const n = numberOf(r[yi]);
      currency = currency ?? n.currency;
      data[labels.indexOf(text(r[xi], xi))] += n.value;
    }
    return { kind, labels, datasets: [{ label: label(answer.columns[yi]), data }], currency };
  }
  const series = new Map<string, number[]>();
  const totals = new Map<string, number>();
  for (const r of answer.rows) {
    const name = text(r[second], second);
    const n = numberOf(r[yi]);
    currency = currency ?? n.currency;
    if (!series.has(name)) series.set(name, labels.map(() => 0));
    series.get(name)![labels.indexOf(text(r[xi], xi))] += n.value;
    totals.set(name, (totals.get(name) ?? 0) + n.value);
  }
  const chosen = [...series.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, maxSeries);
  return { kind, labels, datasets: chosen.map((name) => ({ label: name, data: series.get(name)! })), currency };
}

// Queries an older version saved in this browser (localStorage); lib/savedQueries.ts moves them
// to the server once.
export interface SavedQuery {
  name: string;
  q: string; // encodeDraft(...)
}

export const savedKey = 'steward.analytics.saved';

export function readSaved(text: string | null): SavedQuery[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((s): s is SavedQuery => typeof s?.name === 'string' && typeof s?.q === 'string') : [];
  } catch {
    return [];
  }
}
