// The recipients of one appeal send, paged by the server (GET /api/v1/appeal-sends/{id}/
// recipients?state=&after=&limit=): filter buttons for everyone and each state with its count,
// 50 rows a page with "Load more", each donor's name linking to their record. "Failed" is
// rejected or skipped. Restricted donors are left out by the server for users without the grant;
// each button's count says how many of it are hidden, and the list says how many it leaves out.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, get } from '../../api/client';
import { LoadMore } from '../../components/LoadMore';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { hiddenInTab, recipientName, recipientsPath, recipientTabs, type AppealSend, type RecipientPage, type SendRecipient } from '../../lib/appealMail';
import { formatNumber } from '../../lib/format';

interface Loaded {
  items: SendRecipient[];
  next: number | null;
  hidden: number;
}

// `refresh` changes when the send's counts change: the first page is read again, unless more
// pages were loaded (the user is reading; a later change of filter reloads).
export function SendRecipients({ sendId, states, refresh }: { sendId: number; states: AppealSend['states']; refresh: string }) {
  const { t, tx } = useI18n();
  const [state, setState] = useState('');
  const [list, setList] = useState<Loaded | null>(null);
  // Kept across filter changes so every button's count can say what it hides.
  const [hiddenByState, setHiddenByState] = useState<Partial<Record<string, number>>>({});
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [pages, setPages] = useState(1);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (pages > 1) return;
    let stopped = false;
    get<RecipientPage>(recipientsPath(sendId, state))
      .then((page) => {
        if (stopped) return;
        setList({ items: page.items, next: page.next_after, hidden: page.hidden ?? 0 });
        setHiddenByState(page.hidden_by_state ?? {});
        setError(null);
      })
      .catch((e: unknown) => {
        if (!stopped) setError(e);
      });
    return () => {
      stopped = true;
    };
    // pages is read, not a trigger: loading more must not reload the first page.
  }, [sendId, state, refresh, generation]);

  const choose = (next: string) => {
    setState(next);
    setPages(1);
    setList(null);
  };

  const loadMore = async (after: number) => {
    setMore({ busy: true, error: null });
    try {
      const page = await get<RecipientPage>(recipientsPath(sendId, state, after));
      setList((l) => ({ items: [...(l?.items ?? []), ...page.items], next: page.next_after, hidden: page.hidden ?? 0 }));
      setPages((p) => p + 1);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: errorMessage(e) });
    }
  };

  return (
    <section className="card" aria-labelledby="send-recipients-title">
      <h2 id="send-recipients-title">{t('appealMail.recipients')}</h2>
      <div className="chips" role="group" aria-label={t('appealMail.filterState')} data-testid="recipient-tabs">
        {recipientTabs(states).map((tab) => {
          const hidden = hiddenInTab(tab.state, hiddenByState);
          return (
            <button key={tab.state || 'all'} type="button" className="chip" aria-pressed={state === tab.state} onClick={() => choose(tab.state)}>
              {tab.state ? tx(`appealMail.state.${tab.state}`) : t('appealMail.allRecipients')}{' '}
              <span className="chip-count">{formatNumber(tab.count)}</span>
              {hidden > 0 && <span className="chip-count">{t('appealMail.tabHidden', { count: formatNumber(hidden) })}</span>}
            </button>
          );
        })}
      </div>
      {list === null ? (
        error ? <ErrorState error={error} retry={() => setGeneration((g) => g + 1)} /> : <Loading />
      ) : list.items.length === 0 ? (
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
            {list.items.map((r) => (
              <tr key={r.id ?? r.constituent_id}>
                <td>
                  <Link to={`/constituents/${r.constituent_id}`} lang={/[\uac00-\ud7a3]/.test(r.display_name ?? '') ? 'ko' : undefined}>
                    {recipientName(r)}
                  </Link>
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
      {list !== null && list.hidden > 0 && (
        <p className="muted" data-testid="recipients-hidden">
          {t('appealMail.hiddenRestricted', { count: formatNumber(list.hidden) })}
        </p>
      )}
      {list !== null && <LoadMore next={list.next} busy={more.busy} error={more.error} onMore={(after) => void loadMore(after)} />}
    </section>
  );
}
