import { formatMinor } from './format';

// Payment imports (docs/imports.md): the query of an upload, the outcomes in the order the
// page shows them, and the progress of a commit (percent done, rows per second).

// 'committed' and 'pending' count the rows applied and not applied yet.
export const outcomes = ['new_gift', 'duplicate', 'refund', 'review', 'error', 'skipped', 'committed', 'pending'] as const;
export type Outcome = (typeof outcomes)[number];

export type ImportStatus = 'staged' | 'previewed' | 'committing' | 'committed' | 'failed';

export interface ImportSample {
  seq: number;
  line: number;
  summary: string;
  message: string;
  create_donor: boolean;
  constituent_id: number | null;
}

export interface ImportPreview {
  import_id: number | null;
  status: ImportStatus;
  plugin_id: string;
  source: string;
  file_name: string;
  counts: Partial<Record<string, number>>;
  samples: Partial<Record<string, ImportSample[]>>;
  rows: number;
  new_donors: number;
  matched: number;
  seconds: number;
}

export interface ImportRecord {
  id: number;
  file_name: string;
  file_size: number;
  plugin_id: string;
  source: string;
  status: ImportStatus;
  policy: { donors?: string; [key: string]: unknown } | null;
  rows_total: number;
  rows_committed: number;
  gifts_created: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  committed_at: string | null;
  error: string | null;
  counts?: Partial<Record<string, number>>;
  samples?: Partial<Record<string, ImportSample[]>>;
}

export interface ReviewRow {
  seq: number;
  line: number;
  outcome: string;
  create_donor: boolean;
  committed: boolean;
  record: Record<string, unknown> | null;
  constituent_id: number | null;
  gift_id: number | null;
  matched_by: string | null;
  message: string | null;
}

export interface UploadSettings {
  fileName: string;
  plugin: string; // '' = detect
  policy: 'create' | 'review';
  defaultFund: string; // a fund code, '' = none
  dryRun: boolean;
}

// The query parameters of POST /api/v1/imports.
export function uploadParams(s: UploadSettings): Record<string, string> {
  const params: Record<string, string> = { file_name: s.fileName, policy: s.policy, dry_run: s.dryRun ? 'true' : 'false' };
  if (s.plugin) params.plugin = s.plugin;
  if (s.defaultFund) params.default_fund = s.defaultFund;
  return params;
}

// The outcomes with at least one row, in the page's order (unknown ones last), with counts.
export function outcomeCounts(counts: Partial<Record<string, number>> | undefined): { outcome: string; count: number }[] {
  const c = counts ?? {};
  const known = outcomes.filter((o) => (c[o] ?? 0) > 0).map((o) => ({ outcome: o as string, count: c[o] ?? 0 }));
  const other = Object.keys(c)
    .filter((o) => !(outcomes as readonly string[]).includes(o) && (c[o] ?? 0) > 0)
    .sort()
    .map((o) => ({ outcome: o, count: c[o] ?? 0 }));
  return [...known, ...other];
}

export function totalRows(counts: Partial<Record<string, number>> | undefined): number {
  return Object.values(counts ?? {}).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

export function isFinished(status: ImportStatus | string): boolean {
  return status === 'committed' || status === 'failed';
}

export interface ProgressSample {
  rows: number;
  at: number; // ms
}

export interface Progress {
  percent: number; // 0..100, whole
  rowsPerSecond: number | null; // null until two samples apart in time
}

// Percent of rows committed, and the rate between the first and the latest sample.
export function commitProgress(record: Pick<ImportRecord, 'rows_total' | 'rows_committed' | 'status'>, first: ProgressSample | null, latest: ProgressSample | null): Progress {
  let percent = record.rows_total > 0 ? Math.floor((record.rows_committed * 100) / record.rows_total) : 0;
  if (record.status === 'committed') percent = 100;
  percent = Math.max(0, Math.min(100, percent));
  let rowsPerSecond: number | null = null;
  if (first && latest && latest.at > first.at && latest.rows >= first.rows) {
    rowsPerSecond = Math.round(((latest.rows - first.rows) * 1000) / (latest.at - first.at));
  }
  return { percent, rowsPerSecond };
}

// A bar width class (w-0 .. w-100 in 5% steps; the CSP refuses style attributes).
export function widthClass(percent: number): string {
  return `w-${Math.max(0, Math.min(100, Math.floor(percent / 5) * 5))}`;
}

// One line about a review row's payment: name, email, amount (formatted), date, description.
export function describeRecord(record: Record<string, unknown> | null, locale?: string): string {
  if (!record) return '';
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  let money = '';
  const amount = record.amount as { minor?: unknown; currency?: unknown } | undefined;
  if (amount && typeof amount.minor === 'number' && typeof amount.currency === 'string') {
    money = formatMinor(amount.minor, amount.currency, locale);
  }
  return [text('donor_name'), text('donor_email'), money, text('date'), text('description')].filter(Boolean).join(' · ');
}
