// Reports (GET /api/v1/reports, POST .../run): the parameter form built from a report's
// declared parameters (types, choices, required), the checks before a run, the typed table
// (formatted, sortable) and the series of its chart hint.
import { formatDate, formatMinor, formatNumber, minorDigits } from './format';

export type ValueType = 'null' | 'boolean' | 'integer' | 'number' | 'text' | 'date' | 'money';

export interface MoneyValue {
  minor: number;
  currency: string;
  amount: string;
}

export type Cell = null | boolean | number | string | MoneyValue;

export interface ParamSpec {
  name: string;
  label: string;
  type: ValueType;
  required: boolean;
  default: Cell;
  choices?: string[];
}

export interface ReportInfo {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  state: string;
}

export interface ReportColumn {
  name: string;
  label: string;
  type: ValueType;
}

export interface ChartHint {
  kind: 'bar' | 'line' | 'pie';
  x: string;
  y: string[];
}

export interface ReportResult {
  report: string;
  name: string;
  parameters: Record<string, Cell>;
  columns: ReportColumn[];
  rows: Cell[][];
  chart: ChartHint | null;
}

export type ParamValues = Record<string, string>;
export type ParamProblem = 'required' | 'integer' | 'number' | 'date' | 'choice' | 'money';

function isMoney(v: Cell): v is MoneyValue {
  return typeof v === 'object' && v !== null && 'minor' in v;
}

// The form's starting values: each parameter's default as text ('' = none, server decides).
export function initialValues(specs: ParamSpec[]): ParamValues {
  const out: ParamValues = {};
  for (const s of specs) {
    const d = s.default;
    if (d === null || d === undefined) out[s.name] = '';
    else if (isMoney(d)) out[s.name] = `${d.amount} ${d.currency}`;
    else out[s.name] = String(d);
  }
  return out;
}

// What is wrong with each value, by parameter name (empty when the form can be sent).
export function checkParams(specs: ParamSpec[], values: ParamValues): Record<string, ParamProblem> {
  const problems: Record<string, ParamProblem> = {};
  for (const s of specs) {
    const v = (values[s.name] ?? '').trim();
    if (v === '') {
      if (s.required) problems[s.name] = 'required';
      continue;
    }
    if (s.choices && s.choices.length > 0 && s.type === 'text' && !s.choices.includes(v)) problems[s.name] = 'choice';
    else if (s.type === 'integer' && !/^[+-]?\d+$/.test(v)) problems[s.name] = 'integer';
    else if (s.type === 'number' && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) problems[s.name] = 'number';
    else if (s.type === 'date' && !validDate(v)) problems[s.name] = 'date';
    else if (s.type === 'money' && !/^\d+(\.\d+)?( [A-Za-z]{3})?$/.test(v)) problems[s.name] = 'money';
  }
  return problems;
}

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// The run request: the values given (empty ones left out, so the report's default applies);
// yes/no as booleans, everything else as text (the server converts and checks again).
export function runBody(specs: ParamSpec[], values: ParamValues): { parameters: Record<string, string | boolean> } {
  const parameters: Record<string, string | boolean> = {};
  for (const s of specs) {
    const v = (values[s.name] ?? '').trim();
    if (v === '') continue;
    parameters[s.name] = s.type === 'boolean' ? v === 'true' : v;
  }
  return { parameters };
}

// A cell as the user reads it (booleans are left to the page, which knows the language).
export function cellText(value: Cell, type: ValueType, locale?: string): string {
  if (value === null || value === undefined) return '';
  if (isMoney(value)) return formatMinor(value.minor, value.currency, locale);
  if (typeof value === 'number') return type === 'integer' ? formatNumber(value, locale) : formatNumber(value, locale);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (type === 'date') return formatDate(value, locale);
  return value;
}

const collator = new Intl.Collator(['ko', 'en'], { numeric: true, sensitivity: 'base' });

function sortKey(v: Cell): number | string | null {
  if (v === null || v === undefined) return null;
  if (isMoney(v)) return v.minor;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

// Rows ordered by one column (money by amount, numbers numerically, text in Korean-then-Latin
// collation); empty cells last either way; ties keep their order.
export function sortReportRows(rows: Cell[][], column: number, descending: boolean): Cell[][] {
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    const x = sortKey(a.r[column]);
    const y = sortKey(b.r[column]);
    if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
    let c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (descending) c = -c;
    return c !== 0 ? c : a.i - b.i;
  });
  return indexed.map((e) => e.r);
}

export interface ChartSeries {
  kind: 'bar' | 'line' | 'pie';
  labels: string[];
  datasets: { label: string; data: number[] }[];
  currency: string | null; // when the series are money (values in major units)
}

// The chart of a result from its hint: x labels and one dataset per y column; null when the
// hint names a column the table does not have.
export function chartSeries(result: ReportResult, locale?: string): ChartSeries | null {
  if (!result.chart) return null;
  const xi = result.columns.findIndex((c) => c.name === result.chart!.x);
  if (xi < 0) return null;
  const ys = result.chart.y.map((name) => result.columns.findIndex((c) => c.name === name));
  if (ys.length === 0 || ys.some((i) => i < 0)) return null;
  let currency: string | null = null;
  const datasets = ys.map((yi) => ({
    label: result.columns[yi].label || result.columns[yi].name,
    data: result.rows.map((r) => {
      const v = r[yi];
      if (isMoney(v)) {
        currency = currency ?? v.currency;
        return v.minor / 10 ** minorDigits(v.currency);
      }
      return typeof v === 'number' ? v : 0;
    }),
  }));
  const labels = result.rows.map((r) => cellText(r[xi], result.columns[xi].type, locale));
  return { kind: result.chart.kind, labels, datasets, currency };
}
