// Mail > Runs (/mail/runs): the recent thank-you and statement runs, newest first
// (GET /api/v1/mail/runs): kind, state, progress, who started it and when, the counts, a link to
// each run's page, and Cancel on a run that is still going. The list is read again every few
// seconds while a run is going.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, get } from '../../api/client';
import { ConfirmCancel } from '../../components/ConfirmCancel';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant, formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { widthClass } from '../../lib/imports';
import { runOngoing } from '../../lib/mail';
import { anyOngoing, cancelRun, runKindKey, runPercent, runYear, type MailRunSummary } from '../../lib/mailRuns';
import { useRunCancelText } from './RunCancel';

const pollMs = 3000;

export function RunsPage() {
  const { t, tx } = useI18n();
  const cancelText = useRunCancelText();
  const [notice, setNotice] = useState('');
  const [load, reload] = useLoad((signal) => get<{ items: MailRunSummary[] }>(apiPath('/mail/runs'), signal), [], { quiet: true });
  const going = load.state === 'ready' && anyOngoing(load.data.items);
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [going]);

  return (
    <>
      <div className="page-header">
        <h1>{t('mailRuns.title')}</h1>
      </div>
      {notice && (
        <p role="status" className="card" data-testid="cancel-notice">
          {notice}
        </p>
      )}
      <Loaded load={load} retry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('mailRuns.empty')}</Empty>
          ) : (
            <div className="card table-wrap">
              <p className="muted">{t('mailRuns.intro')}</p>
              <table className="table" data-testid="mail-runs">
                <thead>
                  <tr>
                    <th scope="col">{t('mailRuns.run')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('mailRuns.progress')}</th>
                    <th scope="col" className="numeric">
                      {t('mailRuns.emailed')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('mailRuns.printed')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('mailRuns.skipped')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('mailRuns.failed')}
                    </th>
                    <th scope="col">{t('mailRuns.started')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((run) => {
                    const year = runYear(run);
                    const percent = runPercent(run);
                    return (
                      <tr key={run.id}>
                        <td>
                          <Link to={`/mail/runs/${run.id}`}>
                            {t('mailRuns.runName', { id: run.id, kind: tx(runKindKey(run)) })}
                            {year !== null && ` ${year}`}
                          </Link>
                        </td>
                        <td>
                          <span className={`tag ${run.status === 'failed' ? 'tag-warn' : 'tag-ok'}`}>{tx(`mailRuns.status.${run.status}`)}</span>
                        </td>
                        <td>
                          <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('mailRuns.progressOf', { id: run.id })}>
                            <div className={`meter-received ${widthClass(percent)}`} />
                          </div>
                          {t('mailRuns.done', { done: formatNumber(run.progress.done), total: formatNumber(run.progress.total), percent })}
                        </td>
                        <td className="numeric">{formatNumber(run.progress.emailed)}</td>
                        <td className="numeric">{formatNumber(run.progress.printed)}</td>
                        <td className="numeric">{formatNumber(run.progress.skipped)}</td>
                        <td className="numeric">{formatNumber(run.progress.failed)}</td>
                        <td>{t('mailRuns.startedBy', { user: run.created_by ?? '', at: formatInstant(run.created_at) })}</td>
                        <td>{runOngoing(run) && <ConfirmCancel cancel={() => cancelRun(run.id)} onChanged={reload} notify={(m) => setNotice(`#${run.id}: ${m}`)} text={cancelText} />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  );
}
