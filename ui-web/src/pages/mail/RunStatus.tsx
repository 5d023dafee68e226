// The state of a sending run (thank-yous or statements, decision 0211) while the server works
// on it: queued, a progress bar with counts, or how it ended when it did not finish.
import { useI18n } from '../../i18n/i18n';
import { runOngoing, type MailRunFields } from '../../lib/mail';

export function RunStatus({ run }: { run: MailRunFields | null }) {
  const { t } = useI18n();
  if (!run?.status) return null;
  if (run.status === 'failed')
    return (
      <p className="form-error" role="alert">
        {t('mail.runFailed', { error: run.error ?? '' })}
      </p>
    );
  if (run.status === 'cancelled') return <p role="status">{t('mail.runCancelled')}</p>;
  if (!runOngoing(run)) return null;
  const p = run.progress;
  if (run.status === 'queued' || !p)
    return (
      <p role="status" data-testid="run-status">
        {t('mail.runQueued')}
      </p>
    );
  return (
    <div role="status" data-testid="run-status">
      <progress max={Math.max(p.total, 1)} value={p.done} aria-label={t('mail.runProgress', { done: p.done, total: p.total, emailed: p.emailed, printed: p.printed })} />{' '}
      {t('mail.runProgress', { done: p.done, total: p.total, emailed: p.emailed, printed: p.printed })}
    </div>
  );
}
