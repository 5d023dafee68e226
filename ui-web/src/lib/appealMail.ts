// Email appeals (decision 0162; pages/AppealEmail.tsx and pages/AppealSend.tsx): the audience
// preview's exclusion funnel, the rate check, a send's progress, the recipients filter and the
// Cancel request. Kept out of the components so Vitest checks them.
import { apiPath } from '../api/client';
import { cancelOrEnded } from './cancel';

export const exclusionOrder = ['restricted', 'already_sent', 'unsubscribed', 'do_not_email', 'do_not_solicit', 'no_valid_email', 'shared_address'] as const;
export type Exclusion = (typeof exclusionOrder)[number];

export interface AudiencePreview {
  appeal_id: number;
  segment_id: number;
  template_name: string;
  segment_count: number;
  recipients: number;
  by_language: { en: number; ko: number };
  excluded: Partial<Record<Exclusion | 'total', number>>;
}

export const sendStates = ['queued', 'sending', 'sent', 'rejected', 'deferred', 'skipped', 'cancelled'] as const;
export type SendState = (typeof sendStates)[number];

export interface AppealSend {
  id: number;
  appeal_id: number;
  segment_id: number;
  template_name: string;
  mailer: string;
  rate_per_minute: number;
  status: string; // sending | finished | cancelled
  recipients: number;
  excluded: Partial<Record<Exclusion | 'total', number>> | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  job_id: number | null;
  states?: Partial<Record<SendState, number>>;
}

export interface SendRecipient {
  id?: number;
  constituent_id: number;
  display_name?: string;
  sort_name?: string;
  address: string;
  state: SendState | string;
  attempts: number;
  reply: string | null;
}

export interface EmailResults {
  appeal_id: number;
  sends: number;
  recipients: number;
  sent: number;
  rejected: number;
  deferred: number;
  skipped: number;
  unknown: number;
  queued: number;
  responders: number;
  response_rate: number | string;
  response_gifts: number;
  response_raised_minor: number;
  appeal_gifts: number;
  appeal_donors: number;
  appeal_raised_minor: number;
}

// The funnel a fundraiser reads: the segment, then each exclusion in the server's order with
// how many are left after it; the last row's remainder is the recipient count.
export interface FunnelRow {
  key: Exclusion;
  excluded: number;
  left: number;
}

export function exclusionFunnel(preview: Pick<AudiencePreview, 'segment_count' | 'excluded'>): FunnelRow[] {
  let left = preview.segment_count;
  return exclusionOrder.map((key) => {
    const excluded = Number(preview.excluded[key] ?? 0);
    left = Math.max(0, left - excluded);
    return { key, excluded, left };
  });
}

export const defaultRate = 60;

// Messages a minute: whole number 1..6000 (the server's rule), or the dictionary key of the error.
export function checkRate(text: string): { rate: number } | { error: 'appealMail.rateInvalid' } {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return { error: 'appealMail.rateInvalid' };
  const rate = Number(trimmed);
  if (rate < 1 || rate > 6000) return { error: 'appealMail.rateInvalid' };
  return { rate };
}

// How long a send of `count` messages takes at `rate` a minute, in whole minutes (at least 1).
export function sendMinutes(count: number, rate: number): number {
  if (count <= 0 || rate <= 0) return 0;
  return Math.max(1, Math.ceil(count / rate));
}

export function isFinished(send: Pick<AppealSend, 'status'>): boolean {
  return send.status === 'finished' || send.status === 'cancelled';
}

// Done = every recipient the job will not try again (sent, rejected, skipped); deferred ones are
// retried and queued/sending are still to come.
export function sendProgress(send: Pick<AppealSend, 'recipients' | 'states' | 'status'>): { done: number; total: number; percent: number } {
  const s = send.states ?? {};
  const total = send.recipients;
  const done = (s.sent ?? 0) + (s.rejected ?? 0) + (s.skipped ?? 0);
  if (total <= 0) return { done: 0, total: 0, percent: isFinished(send) ? 100 : 0 };
  const percent = Math.min(100, Math.floor((done * 100) / total));
  return { done, total, percent: isFinished(send) && done >= total ? 100 : percent };
}

// The state counts in a fixed order, the ones with none left out.
export function stateRows(states: Partial<Record<string, number>> | undefined): [string, number][] {
  const s = states ?? {};
  const known = sendStates.filter((k) => (s[k] ?? 0) > 0).map((k): [string, number] => [k, s[k] ?? 0]);
  const other = Object.keys(s)
    .filter((k) => !(sendStates as readonly string[]).includes(k) && (s[k] ?? 0) > 0)
    .sort()
    .map((k): [string, number] => [k, s[k] ?? 0]);
  return [...known, ...other];
}

export const recipientPageSize = 50;

// One page of a send's recipients from the server (GET /api/v1/appeal-sends/{id}/recipients):
// cursor pages by id, one state or all (''), restricted donors left out and counted in hidden.
export interface RecipientPage {
  items: SendRecipient[];
  next_after: number | null;
  hidden?: number;
  hidden_by_state?: Partial<Record<string, number>>;
}

export function recipientsPath(sendId: number | string, state: string, after: number | null = null, limit = recipientPageSize): string {
  const q = new URLSearchParams();
  if (state) q.set('state', state);
  q.set('limit', String(limit));
  if (after !== null) q.set('after', String(after));
  return apiPath(`/appeal-sends/${sendId}/recipients?${q.toString()}`);
}

// The filter tabs: everyone, "failed" (rejected or skipped: the server's ?state=failed, those
// the message will not reach without a new send) when there are any, then each state that has
// recipients, with its count.
export function recipientTabs(states: Partial<Record<string, number>> | undefined): { state: string; count: number }[] {
  const rows = stateRows(states);
  const total = rows.reduce((n, [, c]) => n + c, 0);
  const failed = failedStates.reduce((n, k) => n + (states?.[k] ?? 0), 0);
  return [{ state: '', count: total }, ...(failed > 0 ? [{ state: 'failed', count: failed }] : []), ...rows.map(([state, count]) => ({ state, count }))];
}

const failedStates = ['rejected', 'skipped'];

// How many of a tab's count are restricted donors this user cannot see (the recipients answer's
// hidden_by_state; absent when the user has the grant).
export function hiddenInTab(state: string, hiddenByState: Partial<Record<string, number>> | undefined): number {
  const h = hiddenByState ?? {};
  if (state === '') return Object.values(h).reduce<number>((n, c) => n + (c ?? 0), 0);
  if (state === 'failed') return failedStates.reduce((n, k) => n + (h[k] ?? 0), 0);
  return h[state] ?? 0;
}

// The name to show for a recipient (older servers sent no name: "#id").
export function recipientName(r: Pick<SendRecipient, 'constituent_id' | 'display_name'>): string {
  return r.display_name && r.display_name.trim() ? r.display_name : `#${r.constituent_id}`;
}

// Cancel a send. The server answers the send (like GET) or 409 when it has already finished;
// that is not an error for the user: the send is shown as it is.
export type CancelOutcome = { kind: 'cancelled'; send: AppealSend } | { kind: 'already-finished' };

export async function cancelSend(id: number): Promise<CancelOutcome> {
  const send = await cancelOrEnded<AppealSend>(apiPath(`/appeal-sends/${id}/cancel`));
  return send ? { kind: 'cancelled', send } : { kind: 'already-finished' };
}

// The response rate as a percent with one decimal ("12.5"), whatever form the server sends.
export function ratePercent(rate: number | string | null | undefined): string {
  const n = Number(rate ?? 0);
  if (!Number.isFinite(n) || n <= 0) return '0';
  return (Math.round(n * 1000) / 10).toString();
}
