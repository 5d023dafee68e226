// Year-end statements (/mail/statements): choose the year; "Check" lists who gets a statement
// (with their totals and gift counts) and who is skipped and why, issuing nothing; each donor's
// statement can be opened as a PDF first. "Issue and send" numbers the receipts, emails those
// who can be emailed and makes one PDF of the rest to print. "Replace issued statements"
// issues replacements (new numbers) for donors who already have one.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { apiPath, ApiError, errorMessage, get, post } from '../../api/client';
import { FormError, TextField } from '../../components/Field';
import { Empty } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { checkYear, defaultStatementYear, followRun, plannedTotal, runOngoing, type StatementsAnswer } from '../../lib/mail';
import { formatDate } from '../../lib/format';
import { RunOutcomes, statementRows } from './RunOutcomes';
import { RunStatus } from './RunStatus';

export function StatementsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => String(defaultStatementYear(new Date())));
  const [reissue, setReissue] = useState(false);
  const [yearError, setYearError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'' | 'check' | 'send'>('');
  const [run, setRun] = useState<StatementsAnswer | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  async function go(send: boolean) {
    setError('');
    if (checkYear(year, new Date())) {
      setYearError(t('mail.yearInvalid'));
      document.querySelector<HTMLInputElement>('[name="statement-year"]')?.focus();
      return;
    }
    setYearError('');
    setBusy(send ? 'send' : 'check');
    try {
      const first = await post<StatementsAnswer>(apiPath('/mail/statements'), { year: Number(year), send, reissue });
      setRun(first);
      // Sending is a background run: follow it until it has ended (checks answer at once).
      await followRun(first, (id) => get<StatementsAnswer>(apiPath(`/mail/runs/${id}`)), setRun, { alive: () => alive.current });
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessage('year')) setYearError(e.fieldMessage('year')!);
      else setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void go(false);
  }

  const rows = statementRows(run?.statements, t);

  return (
    <>
      <div className="page-header">
        <h1>{t('mail.statementsTitle')}</h1>
      </div>
      <form className="card" onSubmit={submit} noValidate aria-label={t('mail.statementsTitle')}>
        <p className="muted">{t('mail.statementsIntro')}</p>
        <div className="grid grid-3">
          <TextField label={t('mail.year')} name="statement-year" inputMode="numeric" value={year} error={yearError} onChange={(e) => setYear(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={reissue} onChange={(e) => setReissue(e.target.checked)} /> {t('mail.reissue')}
        </label>
        <FormError message={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy !== ''}>
            {busy === 'check' ? t('mail.checking') : t('mail.check')}
          </button>
          {run && !run.send && run.year === Number(year) && (
            <button type="button" className="button button-primary" disabled={busy !== ''} onClick={() => void go(true)}>
              {busy === 'send' ? t('mail.sending') : t('mail.issue')}
            </button>
          )}
        </div>
      </form>
      {run && (
        <section className="card" aria-labelledby="statement-run">
          <h2 id="statement-run">{run.send ? t('mail.statementsDone', { year: run.year }) : t('mail.statementsPlan', { year: run.year })}</h2>
          <RunStatus run={run} />
          <p className="muted">{t('mail.period', { from: formatDate(run.from), to: formatDate(run.to) })}</p>
          {plannedTotal(run, run.statements.length).sampled && run.counts && (
            <p className="muted" data-testid="statement-sample-note">
              {t('mail.sampleNote', { emailed: run.counts.emailed, printed: run.counts.printed, skipped: run.counts.skipped, limit: run.sample_limit ?? 0 })}
            </p>
          )}
          {run.print_pdf && (
            <p>
              <a className="button" href={run.print_pdf} download>
                {t('mail.printPdf')}
              </a>
            </p>
          )}
          {rows.length === 0 ? runOngoing(run) ? null : <Empty>{t('mail.noStatements')}</Empty> : <RunOutcomes title={t('mail.statementList')} rows={rows} testId="statement-run" />}
          {!run.send && rows.length > 0 && (
            <details>
              <summary>{t('mail.previewPdfs')}</summary>
              <ul className="plain-list">
                {run.statements.map((s) => (
                  <li key={s.constituent_id}>
                    <a href={apiPath(`/mail/statements/${s.constituent_id}/${run.year}`)} download>
                      {t('mail.statementOf', { name: s.donor })}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </>
  );
}
