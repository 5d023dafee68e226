// The mail pages (docs/mail.md; /api/v1/mail/*): the acknowledgment queue and its filters, what
// a thank-you or statement run did (counted by outcome), the statement year, and the template
// list grouped by name with its languages.
export interface AckItem {
  gift_id: number;
  constituent_id: number;
  donor: string;
  received_on: string;
  amount_minor: number;
  currency: string;
  channel: 'email' | 'letter' | string;
  reason: string;
  personal_call: boolean;
  in_flight: boolean;
  email?: string;
  // The deadline (decision 0220): mail.thank_within_hours after the end of the day received
  // (UTC); overdue once passed, due soon in the 24 hours before.
  due_by: string;
  overdue: boolean;
  due_soon: boolean;
}

// GET /mail/ack-queue: at most 500 items, most overdue first; the counts cover the whole queue.
export interface AckQueueCounts {
  total: number;
  overdue: number;
  due_soon: number;
}

export interface AckQueueAnswer {
  items: AckItem[];
  counts?: AckQueueCounts;
  thank_within_hours?: number;
}

export interface ThankMessage {
  gift_id: number;
  constituent_id: number;
  donor: string;
  address?: string;
  language: string;
  subject?: string;
  reason?: string;
  state: string;
  detail: string;
  personal_call: boolean;
}

// A sending run (thank-yous or statements) is a background job on the server (decision 0211):
// the POST answers 202 with the run, then GET /mail/runs/{id} until its status has ended.
// Dry runs answer at once and carry no status.
export interface RunProgress {
  total: number;
  done: number;
  emailed: number;
  printed: number;
  skipped: number;
  failed: number;
}

export interface MailRunFields {
  id?: number;
  status?: string; // queued | running | finished | cancelled | failed
  error?: string;
  progress?: RunProgress;
}

// A dry run counts everything without rendering it and renders a sample of at most
// `sample_limit` rows per list (decision 0216): the counts, not the rows, say what a run will do.
export interface DryRunCounts {
  total: number;
  emailed: number;
  printed: number;
  skipped: number;
}

export interface DryRunFields {
  counts?: DryRunCounts;
  sample_limit?: number;
}

// How many items a run will handle (a dry run's counts), else the rows shown; and whether the
// rows are only a sample of them.
export function plannedTotal(answer: DryRunFields, rowsShown: number): { total: number; sampled: boolean } {
  const total = answer.counts ? answer.counts.total : rowsShown;
  return { total, sampled: total > rowsShown };
}

export interface ThankAnswer extends MailRunFields, DryRunFields {
  send: boolean;
  messages: ThankMessage[];
  letters: ThankMessage[];
  letters_pdf: string;
}

export function runOngoing(run: MailRunFields | null | undefined): boolean {
  return !!run && (run.status === 'queued' || run.status === 'running');
}

// Polls a run until it has ended, reporting each answer; returns the last one. `fetchRun`
// reads GET /mail/runs/{id}; `wait` is injectable for tests; `alive` stops it (page left).
export interface FollowOptions {
  intervalMs?: number;
  wait?: (ms: number) => Promise<void>;
  alive?: () => boolean;
}

export async function followRun<T extends MailRunFields>(first: T, fetchRun: (id: number) => Promise<T>, onUpdate: (run: T) => void, options: FollowOptions = {}): Promise<T> {
  const intervalMs = options.intervalMs ?? 1000;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const alive = options.alive ?? (() => true);
  let current = first;
  while (runOngoing(current) && current.id !== undefined && alive()) {
    await wait(intervalMs);
    current = await fetchRun(current.id);
    onUpdate(current);
  }
  return current;
}

export interface StatementItem {
  constituent_id: number;
  donor: string;
  receipt_number: string;
  replacement: boolean;
  gift_count: number;
  totals: string;
  channel: string;
  address: string;
  state: string;
  detail: string;
  pdf: string;
}

export interface StatementsAnswer extends MailRunFields, DryRunFields {
  year: number;
  from: string;
  to: string;
  send: boolean;
  statements: StatementItem[];
  print_pdf: string;
}

export interface MailTemplate {
  id: number;
  name: string;
  kind: string;
  language: string;
  version: number;
  subject: string;
  body_text: string;
  body_html: string;
  active: boolean;
  created_by: string;
  created_at: string;
}

export type AckView = 'all' | 'overdue' | 'email' | 'letter' | 'call';

function inView(i: AckItem, view: AckView): boolean {
  if (view === 'all') return true;
  if (view === 'overdue') return i.overdue;
  if (view === 'call') return i.personal_call;
  return i.channel === view;
}

// The queue as shown: all, the overdue, those thanked by email, by letter, or the large gifts
// flagged for a personal call; oldest first, which is also the most overdue first (every gift
// has the same window).
export function ackRows(items: AckItem[], view: AckView): AckItem[] {
  const shown = items.filter((i) => inView(i, view));
  return [...shown].sort((a, b) => (a.received_on < b.received_on ? -1 : a.received_on > b.received_on ? 1 : a.gift_id - b.gift_id));
}

export function ackCounts(items: AckItem[]): Record<AckView, number> {
  const views: AckView[] = ['all', 'overdue', 'email', 'letter', 'call'];
  return Object.fromEntries(views.map((v) => [v, items.filter((i) => inView(i, v)).length])) as Record<AckView, number>;
}

// The queue's counts as the server gave them (over the whole queue, not only the items listed),
// else counted from the items; and how many the list leaves out.
export function queueCounts(answer: AckQueueAnswer): AckQueueCounts & { notListed: number } {
  const counts = answer.counts ?? {
    total: answer.items.length,
    overdue: answer.items.filter((i) => i.overdue).length,
    due_soon: answer.items.filter((i) => i.due_soon).length,
  };
  return { ...counts, notListed: Math.max(0, counts.total - answer.items.length) };
}

// How many outcomes ended in each state ("accepted": 3, "rejected": 1, ...), in a stable order.
export function stateCounts(outcomes: { state: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.state, (counts.get(o.state) ?? 0) + 1);
  const order = ['accepted', 'printed', 'would_send', 'would_print', 'would_issue', 'letter', 'skipped', 'deferred', 'not_attempted', 'rejected'];
  return [...counts.entries()].sort((a, b) => {
    const x = order.indexOf(a[0]);
    const y = order.indexOf(b[0]);
    return (x < 0 ? 99 : x) - (y < 0 ? 99 : y) || a[0].localeCompare(b[0]);
  });
}

// Whether an outcome went wrong (shown in the warning colour).
export function failedState(state: string): boolean {
  return state === 'rejected' || state === 'deferred' || state === 'not_attempted';
}

// The year statements are usually run for: the mail.statement_year setting when set, else last
// calendar year (a January run), and the current year in December.
export function defaultStatementYear(now: Date, setting?: string): number {
  const s = Number(setting);
  if (setting && Number.isInteger(s) && s >= 1900 && s <= 9999) return s;
  return now.getMonth() === 11 ? now.getFullYear() : now.getFullYear() - 1;
}

export function checkYear(text: string, now: Date): 'year' | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return 'year';
  const y = Number(t);
  return y < 1900 || y > now.getFullYear() + 1 ? 'year' : null;
}

// One row per template name, with the languages it exists in (English first).
export function templateGroups(items: MailTemplate[]): { name: string; kind: string; versions: MailTemplate[] }[] {
  const groups = new Map<string, { name: string; kind: string; versions: MailTemplate[] }>();
  for (const t of items) {
    if (!groups.has(t.name)) groups.set(t.name, { name: t.name, kind: t.kind, versions: [] });
    groups.get(t.name)!.versions.push(t);
  }
  for (const g of groups.values()) g.versions.sort((a, b) => (a.language === 'en' ? -1 : b.language === 'en' ? 1 : a.language.localeCompare(b.language)));
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// What a template edit sends: only what changed (the server keeps the rest), or null when
// nothing did.
export function templateChanges(
  current: MailTemplate,
  draft: { subject: string; body_text: string; body_html: string; active: boolean },
): Record<string, string | boolean> | null {
  const out: Record<string, string | boolean> = {};
  if (draft.subject !== current.subject) out.subject = draft.subject;
  if (draft.body_text !== current.body_text) out.body_text = draft.body_text;
  if (draft.body_html !== current.body_html) out.body_html = draft.body_html;
  if (draft.active !== current.active) out.active = draft.active;
  if (Object.keys(out).length === 0) return null;
  return { name: current.name, language: current.language, ...out };
}
