// The list of thank-you and statement runs (GET /api/v1/mail/runs, decision 0211) and their
// Cancel (POST /api/v1/mail/runs/{id}/cancel): what the Runs page shows for each run.
import { apiPath } from '../api/client';
import { cancelOrEnded } from './cancel';
import { runOngoing, type MailRunFields, type RunProgress } from './mail';

export interface MailRunSummary extends MailRunFields {
  id: number;
  kind: 'thank' | 'statements' | string;
  status: string;
  created_at: string;
  created_by?: string;
  finished_at?: string;
  options?: { request?: { year?: number; reissue?: boolean } };
  progress: RunProgress;
}

// "12 of 20 (60%)": the share of the run's items handled; 0% for an empty run that is going,
// 100% for one that finished with nothing to do.
export function runPercent(run: Pick<MailRunSummary, 'status' | 'progress'>): number {
  const { total, done } = run.progress;
  if (total <= 0) return run.status === 'finished' ? 100 : 0;
  return Math.min(100, Math.floor((done * 100) / total));
}

// The dictionary key naming a run's kind, with the statement year when there is one.
export function runKindKey(run: Pick<MailRunSummary, 'kind'>): string {
  return run.kind === 'statements' ? 'mailRuns.kind.statements' : run.kind === 'thank' ? 'mailRuns.kind.thank' : 'mailRuns.kind.other';
}

export function runYear(run: Pick<MailRunSummary, 'kind' | 'options'>): number | null {
  const y = run.options?.request?.year;
  return run.kind === 'statements' && typeof y === 'number' ? y : null;
}

// Whether any run in the list is still going (the page then reads the list again).
export function anyOngoing(runs: MailRunFields[]): boolean {
  return runs.some((r) => runOngoing(r));
}

// Cancel a run; null when it had ended meanwhile (409).
export function cancelRun<T extends MailRunFields = MailRunSummary>(id: number): Promise<T | null> {
  return cancelOrEnded<T>(apiPath(`/mail/runs/${id}/cancel`));
}
