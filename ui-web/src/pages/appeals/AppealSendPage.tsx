// One email appeal send (/appeal-sends/:id): live progress (GET /api/v1/appeal-sends/{id} every
// two seconds until it has finished), how many recipients are in each state, Cancel, and every
// recipient with their state and the mail server's reply, filtered by state, 50 at a time.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../../api/client';
import { SelectField } from '../../components/Field';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { isFinished, recipientPageSize, sendProgress, stateRows, visibleRecipients, type AppealSend, type SendRecipient } from '../../lib/appealMail';
import { widthClass } from '../../lib/imports';
import { formatInstant, formatNumber } from '../../lib/format';
import { SendCancel } from './SendCancel';

const pollMs = 2000;

export function AppealSendPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const [send, setSend] = useState<AppealSend | null>(null);
  const [recipients, setRecipients] = useState<SendRecipient[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const lastStates = useRef('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    lastStates.current = '';
    const tick = async () => {
      try {
        const current = await get<AppealSend>(apiPath(`/appeal-sends/${id}`));
        if (stopped) return;
        setSend(current);
        setError(null);
        // The recipient list is read again only when a count changed.
        const states = JSON.stringify(current.states ?? {}) + current.status;
        if (states !== lastStates.current) {
          const list = await get<{ items: SendRecipient[] }>(apiPath(`/appeal-sends/${id}/recipients`));
          if (stopped) return;
          lastStates.current = states;
          setRecipients(list.items);
        }
        if (isFinished(current)) return;
      } catch (e) {
        if (stopped) return;
        setError(e);
      }
      timer = setTimeout(() => void tick(), pollMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, generation]);

  if (!send) return error ? <ErrorState error={error} retry={() => setGeneration((g) => g + 1)} /> : <Loading />;
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
        {!finished && <SendCancel sendId={send.id} onChanged={(s) => (s ? setSend(s) : setGeneration((g) => g + 1))} />}
      </section>
      <Recipients items={recipients} states={send.states} />
    </article>
  );
}

function Recipients({ items, states }: { items: SendRecipient[]; states: AppealSend['states'] }) {
  const { t, tx } = useI18n();
  const [state, setState] = useState('');
  const [shown, setShown] = useState(recipientPageSize);
  const view = visibleRecipients(items, state, shown);
  return (
    <section className="card" aria-labelledby="send-recipients">
      <h2 id="send-recipients">{t('appealMail.recipients')}</h2>
      <SelectField
        label={t('appealMail.filterState')}
        value={state}
        onChange={(e) => {
          setState(e.target.value);
          setShown(recipientPageSize);
        }}
      >
        <option value="">{t('appealMail.allStates', { count: formatNumber(items.length) })}</option>
        {stateRows(states).map(([s, n]) => (
          <option key={s} value={s}>
            {tx(`appealMail.state.${s}`)} ({formatNumber(n)})
          </option>
        ))}
      </SelectField>
      {view.rows.length === 0 ? (
        <Empty>{t('appealMail.noRecipients')}</Empty>
      ) : (
        <table className="table" data-testid="send-recipients">
          <thead>
            <tr>
              <th scope="col">{t('appealMail.donor')}</th>
              <th scope="col">{t('appealMail.address')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col" className="numeric">{t('appealMail.attempts')}</th>
              <th scope="col">{t('appealMail.reply')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.constituent_id}>
                <td>
                  <Link to={`/constituents/${r.constituent_id}`}>#{r.constituent_id}</Link>
                </td>
                <td>{r.address}</td>
                <td>{tx(`appealMail.state.${r.state}`)}</td>
                <td className="numeric">{r.attempts}</td>
                <td className="muted">{r.reply ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore next={view.more ? shown : null} busy={false} error={null} onMore={() => setShown((n) => n + recipientPageSize)} />
    </section>
  );
}
