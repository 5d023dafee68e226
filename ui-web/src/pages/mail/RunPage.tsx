// One thank-you or statement run (/mail/runs/:id; GET /api/v1/mail/runs/{id}): who started it
// and when, its state and progress (read again every two seconds while it is going), Cancel
// while it is going, its PDFs, and what happened to each donor.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../../api/client';
import { ConfirmCancel } from '../../components/ConfirmCancel';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../../lib/format';
import { usePolled } from '../../lib/hooks';
import { runOngoing, type StatementsAnswer, type ThankAnswer } from '../../lib/mail';
import { cancelRun, runKindKey, runYear, type MailRunSummary } from '../../lib/mailRuns';
import { useRunCancelText } from './RunCancel';
import { RunOutcomes, statementRows, thankRows } from './RunOutcomes';
import { RunStatus } from './RunStatus';

type RunDetail = MailRunSummary & Partial<Omit<ThankAnswer, 'status'>> & Partial<Omit<StatementsAnswer, 'status'>> & { tribute_letters_pdf?: string };

const pollMs = 2000;

export function RunPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const cancelText = useRunCancelText();
  // Said here: the cancel button (and its own notice) goes once the run has ended.
  const [notice, setNotice] = useState('');
  const { value: run, error, reread, setValue: setRun } = usePolled(() => get<RunDetail>(apiPath(`/mail/runs/${id}`)), (r) => !runOngoing(r), pollMs, [id]);

  if (!run) return error ? <ErrorState error={error} retry={reread} /> : <Loading />;
  const year = runYear(run);
  const thank = run.kind === 'thank' ? thankRows(run as ThankAnswer, t) : null;
  const statements = run.kind === 'statements' ? statementRows(run.statements, t) : [];
  const pdfs = [
    { href: run.letters_pdf, label: t('mail.lettersPdf') },
    { href: run.tribute_letters_pdf, label: t('mailRuns.tributeLettersPdf') },
    { href: run.print_pdf, label: t('mail.printPdf') },
  ].filter((d) => !!d.href);
  const nothing = !runOngoing(run) && (thank ? thank.emails.length + thank.letters.length === 0 : statements.length === 0);
  return (
    <article>
      <div className="page-header">
        <div>
          <h1>
            {t('mailRuns.runName', { id: run.id, kind: tx(runKindKey(run)) })}
            {year !== null && ` ${year}`}
          </h1>
          <p className="subtitle">
            <Link to="/mail/runs">{t('mailRuns.backToRuns')}</Link>
            {` · ${t('mailRuns.startedBy', { user: run.created_by ?? '', at: formatInstant(run.created_at) })}`}
            {run.finished_at && ` · ${t('mailRuns.endedAt', { at: formatInstant(run.finished_at) })}`}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="run-state">
        <h2 id="run-state">
          {t('common.status')}: <span data-testid="run-state">{tx(`mailRuns.status.${run.status}`)}</span>
        </h2>
        <RunStatus run={run} />
        {error !== null && <p className="form-error">{errorMessage(error)}</p>}
        {!runOngoing(run) && run.progress && (
          <p role="status">
            {t('mailRuns.summary', { done: run.progress.done, total: run.progress.total, emailed: run.progress.emailed, printed: run.progress.printed, skipped: run.progress.skipped, failed: run.progress.failed })}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="cancel-notice">
            {notice}
          </p>
        )}
        {runOngoing(run) && <ConfirmCancel cancel={() => cancelRun<RunDetail>(run.id)} onChanged={(out) => (out ? setRun(out) : reread())} notify={setNotice} text={cancelText} />}
        {pdfs.map((d) => (
          <p key={d.href}>
            <a className="button" href={d.href} download>
              {d.label}
            </a>
          </p>
        ))}
      </section>
      <section className="card" aria-label={t('mailRuns.outcomes')}>
        {nothing && <Empty>{t('mail.nothingToSend')}</Empty>}
        {thank && <RunOutcomes title={t('mail.emails')} rows={thank.emails} testId="run-emails" />}
        {thank && <RunOutcomes title={t('mail.letters')} rows={thank.letters} testId="run-letters" />}
        <RunOutcomes title={t('mail.statementList')} rows={statements} testId="run-statements" />
      </section>
    </article>
  );
}
