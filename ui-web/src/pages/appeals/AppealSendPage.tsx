// One email appeal send (/appeal-sends/:id): live progress (GET /api/v1/appeal-sends/{id} every
// two seconds until it has finished), how many recipients are in each state, Cancel, and the
// recipients paged by the server with a filter per state (SendRecipients.tsx).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../../api/client';
import { ErrorState, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { isFinished, sendProgress, stateRows, type AppealSend } from '../../lib/appealMail';
import { widthClass } from '../../lib/imports';
import { formatInstant, formatNumber } from '../../lib/format';
import { usePolled } from '../../lib/hooks';
import { SendCancel } from './SendCancel';
import { SendRecipients } from './SendRecipients';

const pollMs = 2000;

export function AppealSendPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  // Said here: the cancel button (and its own notice) goes once the send has finished.
  const [notice, setNotice] = useState('');
  const { value: send, error, reread, setValue: setSend } = usePolled(() => get<AppealSend>(apiPath(`/appeal-sends/${id}`)), isFinished, pollMs, [id]);

  if (!send) return error ? <ErrorState error={error} retry={reread} /> : <Loading />;
  const progress = sendProgress(send);
  const finished = isFinished(send);
  return (
    <article>
      <div className="page-header">
        <div>
          <h1>{t('appealMail.sendTitle', { id: send.id })}</h1>
          <p className="subtitle">
            <Link to={`/appeals/${send.appeal_id}`}>{t('appealMail.backToAppeal')}</Link>
            {` · ${t('appealMail.startedBy', { user: send.created_by, at: formatInstant(send.created_at) })}`}
            {` · ${t('appealMail.rateShown', { rate: formatNumber(send.rate_per_minute) })}`}
          </p>
        </div>
        <span className={`tag ${send.status === 'cancelled' ? 'tag-warn' : ''}`} data-testid="send-status">
          {tx(`appealMail.status.${send.status}`)}
        </span>
      </div>
      <section className="card" aria-labelledby="send-progress">
        <h2 id="send-progress">{t('appealMail.progress')}</h2>
        <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent} aria-label={t('appealMail.progress')} data-testid="send-progress">
          <div className={`meter-received ${widthClass(progress.percent)}`} />
        </div>
        <p aria-live="polite" data-testid="send-done">
          {t('appealMail.done', { done: formatNumber(progress.done), total: formatNumber(progress.total), percent: progress.percent })}
          {finished && send.finished_at && ` · ${t('appealMail.finishedAt', { at: formatInstant(send.finished_at) })}`}
        </p>
        <ul className="tags" data-testid="send-states">
          {stateRows(send.states).map(([state, n]) => (
            <li key={state} className={`tag ${['rejected', 'deferred'].includes(state) ? 'tag-warn' : ''}`}>
              {tx(`appealMail.state.${state}`)}: {formatNumber(n)}
            </li>
          ))}
        </ul>
        {error !== null && <p className="form-error">{errorMessage(error)}</p>}
        {notice && (
          <p role="status" data-testid="cancel-notice">
            {notice}
          </p>
        )}
        {!finished && <SendCancel sendId={send.id} onChanged={(s) => (s ? setSend(s) : reread())} notify={setNotice} />}
      </section>
      {/* The recipient list is read again only when a count changed. */}
      <SendRecipients sendId={send.id} states={send.states} refresh={JSON.stringify(send.states ?? {}) + send.status} />
    </article>
  );
}
