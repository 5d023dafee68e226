// The acknowledgment queue (/mail): gifts waiting for a thank-you, most overdue first, how each
// donor will be thanked (email, or a printed letter and why), which are past the time rule
// (mail.thank_within_hours, decision 0220: an "Overdue" badge, counts over the whole queue) and
// large gifts flagged for a personal call. "Prepare thank-yous" shows what a run would do (nothing is sent); "Send now" emails who
// can be emailed and prints the letters (a PDF to download); each gift is acknowledged once.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, errorMessage, get, post } from '../../api/client';
import { FormError } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatMinor } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { ackCounts, ackRows, followRun, plannedTotal, queueCounts, runOngoing, type AckQueueAnswer, type AckView, type ThankAnswer } from '../../lib/mail';
import { RunOutcomes, thankRows } from './RunOutcomes';
import { RunStatus } from './RunStatus';

const views: AckView[] = ['all', 'overdue', 'email', 'letter', 'call'];

export function AckQueuePage() {
  const { t, tx } = useI18n();
  const [load, reload] = useLoad((signal) => get<AckQueueAnswer>(apiPath('/mail/ack-queue'), signal), [], { quiet: true });
  const [view, setView] = useState<AckView>('all');
  const [busy, setBusy] = useState<'' | 'plan' | 'send'>('');
  const [error, setError] = useState('');
  const [run, setRun] = useState<ThankAnswer | null>(null);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  async function thank(send: boolean) {
    setBusy(send ? 'send' : 'plan');
    setError('');
    try {
      const first = await post<ThankAnswer>(apiPath('/mail/thank'), { send });
      setRun(first);
      // Sending is a background run: follow it until it has ended (dry runs answer at once).
      await followRun(first, (id) => get<ThankAnswer>(apiPath(`/mail/runs/${id}`)), setRun, { alive: () => alive.current });
      if (send) reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('mail.ackTitle')}</h1>
      </div>
      <Loaded load={load} retry={reload}>
        {(answer) => {
          const { items } = answer;
          const counts = ackCounts(items);
          const rows = ackRows(items, view);
          const waiting = queueCounts(answer);
          return (
            <>
              <div className="card">
                <p className="muted">{t('mail.ackIntro')}</p>
                {waiting.total > 0 && (
                  <p data-testid="ack-deadline-counts">
                    {waiting.overdue > 0 && (
                      <>
                        <span className="tag tag-warn">{t('mail.overdueCount', { count: waiting.overdue })}</span>{' '}
                      </>
                    )}
                    {t('mail.deadlineCounts', { total: waiting.total, overdue: waiting.overdue, dueSoon: waiting.due_soon, hours: answer.thank_within_hours ?? 48 })}
                    {waiting.notListed > 0 && <> {t('mail.notListed', { shown: items.length, total: waiting.total })}</>}
                  </p>
                )}
                <fieldset className="radio-row">
                  <legend>{t('mail.show')}</legend>
                  {views.map((v) => (
                    <label key={v}>
                      <input type="radio" name="ack-view" checked={view === v} onChange={() => setView(v)} /> {tx(`mail.view.${v}`)} ({counts[v]})
                    </label>
                  ))}
                </fieldset>
                {rows.length === 0 ? (
                  <Empty>{items.length === 0 ? t('mail.ackEmpty') : t('mail.ackNoneHere')}</Empty>
                ) : (
                  <div className="table-wrap">
                    <table className="table" data-testid="ack-queue">
                      <thead>
                        <tr>
                          <th scope="col">{t('common.date')}</th>
                          <th scope="col">{t('mail.donor')}</th>
                          <th scope="col" className="numeric">
                            {t('common.amount')}
                          </th>
                          <th scope="col">{t('mail.how')}</th>
                          <th scope="col">{t('mail.flags')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((i) => (
                          <tr key={i.gift_id}>
                            <td>{formatDate(i.received_on)}</td>
                            <td>
                              <Link to={`/constituents/${i.constituent_id}`}>{i.donor}</Link>
                            </td>
                            <td className="numeric">{formatMinor(i.amount_minor, i.currency)}</td>
                            <td>{i.channel === 'email' ? (i.email ?? t('mail.email')) : `${t('mail.letter')}${i.reason ? ` (${i.reason})` : ''}`}</td>
                            <td>
                              {i.overdue && (
                                <span className="tag tag-warn" title={i.due_by}>
                                  {t('mail.overdue')}
                                </span>
                              )}
                              {i.due_soon && (
                                <span className="tag" title={i.due_by}>
                                  {t('mail.dueSoon')}
                                </span>
                              )}
                              {i.personal_call && <span className="tag tag-warn">{t('mail.personalCall')}</span>}
                              {i.in_flight && <span className="tag">{t('mail.inFlight')}</span>}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                <FormError message={error} />
                <div className="actions">
                  <button type="button" className="button" disabled={busy !== '' || items.length === 0} onClick={() => void thank(false)}>
                    {busy === 'plan' ? t('mail.preparing') : t('mail.prepare')}
                  </button>
                  {run && !run.send && (
                    <button type="button" className="button button-primary" disabled={busy !== ''} onClick={() => void thank(true)}>
                      {busy === 'send' ? t('mail.sending') : t('mail.sendNow', { count: plannedTotal(run, run.messages.length + run.letters.length).total })}
                    </button>
                  )}
                </div>
              </div>
              {run && (
                <section className="card" aria-labelledby="thank-run">
                  <h2 id="thank-run">{run.send ? t('mail.thankDone') : t('mail.thankPlan')}</h2>
                  <RunStatus run={run} />
                  {plannedTotal(run, run.messages.length + run.letters.length).sampled && run.counts && (
                    <p className="muted" data-testid="thank-sample-note">
                      {t('mail.sampleNote', { emailed: run.counts.emailed, printed: run.counts.printed, skipped: run.counts.skipped, limit: run.sample_limit ?? 0 })}
                    </p>
                  )}
                  {run.letters_pdf && (
                    <p>
                      <a className="button" href={run.letters_pdf} download>
                        {t('mail.lettersPdf')}
                      </a>
                    </p>
                  )}
                  {!runOngoing(run) && plannedTotal(run, run.messages.length + run.letters.length).total === 0 && <Empty>{t('mail.nothingToSend')}</Empty>}
                  <RunOutcomes title={t('mail.emails')} rows={thankRows(run, t).emails} testId="thank-emails" />
                  <RunOutcomes title={t('mail.letters')} rows={thankRows(run, t).letters} testId="thank-letters" />
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
