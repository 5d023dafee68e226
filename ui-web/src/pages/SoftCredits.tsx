// Soft credits on the constituent page: credit this constituent received for gifts others paid
// (a household member's gift, a gift they solicited, a matching employer's), newest gift first,
// in cursor pages of 25 with "Load more" (GET /api/v1/constituents/{id}/soft-credits).
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../api/client';
import { getNextPage } from '../api/pages';
import type { Money, Page } from '../api/types';
import { LoadMore } from '../components/LoadMore';
import { Empty, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';

export interface SoftCredit {
  id: number;
  gift_id: number;
  donor: { id: number; display_name: string };
  role: string;
  amount: Money;
  received_on: string;
  gift_status: string;
}

const pageSize = 25;

export function SoftCredits({ constituentId }: { constituentId: number }) {
  const { t, tx } = useI18n();
  const path = `/constituents/${constituentId}/soft-credits`;
  const [load, retry] = useLoad((signal) => get<Page<SoftCredit>>(apiPath(path, { limit: pageSize }), signal), [constituentId]);
  const [more, setMore] = useState<{ items: SoftCredit[]; next: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setMore(null);
    setError('');
  }, [load]);
  async function loadMore(after: number) {
    setBusy(true);
    setError('');
    try {
      const next = await getNextPage<SoftCredit>(path, { limit: pageSize }, after);
      setMore((old) => ({ items: [...(old?.items ?? []), ...next.items], next: next.next_after }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="soft-credits">
      <h2 id="soft-credits">{t('soft.title')}</h2>
      <Loaded load={load} retry={retry}>
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const next = more ? more.next : page.next_after;
          if (items.length === 0) return <Empty>{t('soft.none')}</Empty>;
          return (
            <>
              <table className="table" data-testid="soft-credits">
                <thead>
                  <tr>
                    <th scope="col">{t('common.date')}</th>
                    <th scope="col">{t('soft.donor')}</th>
                    <th scope="col">{t('soft.role')}</th>
                    <th scope="col" className="numeric">
                      {t('common.amount')}
                    </th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>{formatDate(c.received_on)}</td>
                      <td>
                        <Link to={`/constituents/${c.donor.id}`}>{c.donor.display_name}</Link>
                      </td>
                      <td>{tx(`softCreditRole.${c.role}`)}</td>
                      <td className="numeric">{formatMoney(c.amount)}</td>
                      <td>{tx(`giftStatus.${c.gift_status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted" data-testid="soft-credit-count">
                {next !== null ? t('soft.shownMore', { count: items.length }) : t('soft.shown', { count: items.length })}
              </p>
              <LoadMore next={next} busy={busy} error={error} onMore={(after) => void loadMore(after)} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
