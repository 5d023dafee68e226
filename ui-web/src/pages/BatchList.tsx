// The batches list on /batches (GET /api/v1/batches): newest first, open, closed or all, each
// with its control count and total against what has been entered, and whether it balances.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../api/client';
import { getNextPage } from '../api/pages';
import type { Page } from '../api/types';
import { SelectField } from '../components/Field';
import { LoadMore } from '../components/LoadMore';
import { Empty, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { batchBalance } from '../lib/batch';
import { formatInstant, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import type { Batch } from './Batches';

const pageSize = 25;

export function BatchList() {
  const { t } = useI18n();
  const [status, setStatus] = useState('open');
  const query = { status: status === 'all' ? undefined : status, limit: pageSize };
  const [load, retry] = useLoad((signal) => get<Page<Batch>>(apiPath('/batches', query), signal), [status]);
  const [more, setMore] = useState<{ items: Batch[]; next: number | null } | null>(null);
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
      const next = await getNextPage<Batch>('/batches', query, after);
      setMore((old) => ({ items: [...(old?.items ?? []), ...next.items], next: next.next_after }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="batch-list">
      <div className="card-header">
        <h2 id="batch-list">{t('batch.list')}</h2>
        <SelectField label={t('common.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open">{t('batch.filterOpen')}</option>
          <option value="closed">{t('batch.filterClosed')}</option>
          <option value="all">{t('common.all')}</option>
        </SelectField>
      </div>
      <Loaded load={load} retry={retry}>
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const next = more ? more.next : page.next_after;
          if (items.length === 0) return <Empty>{t('batch.noneListed')}</Empty>;
          return (
            <>
              <table className="table" data-testid="batch-list">
                <thead>
                  <tr>
                    <th scope="col">{t('batch.number')}</th>
                    <th scope="col">{t('batch.name')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col" className="numeric">
                      {t('batch.control')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('batch.actual')}
                    </th>
                    <th scope="col">{t('batch.balance')}</th>
                    <th scope="col">{t('batch.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((b) => {
                    const balance = batchBalance({
                      expectedCount: b.expected_count,
                      expectedMinor: b.expected_total.minor,
                      actualCount: b.actual_count,
                      actualMinor: b.actual_total.minor,
                    });
                    return (
                      <tr key={b.id}>
                        <td>
                          <Link to={`/batches/${b.id}`}>#{b.id}</Link>
                        </td>
                        <td>{b.name}</td>
                        <td>
                          <span className={`tag ${b.status === 'closed' ? 'tag-ok' : ''}`}>{b.status === 'closed' ? t('batch.statusClosed', { date: formatInstant(b.closed_at) }) : t('batch.statusOpen')}</span>
                        </td>
                        <td className="numeric">{t('batch.countTotal', { count: b.expected_count, total: formatMoney(b.expected_total) })}</td>
                        <td className="numeric">{t('batch.countTotal', { count: b.actual_count, total: formatMoney(b.actual_total) })}</td>
                        <td>
                          <span className={`tag ${balance.state === 'balanced' ? 'tag-ok' : balance.state === 'over' ? 'tag-warn' : ''}`}>{t(`batch.state.${balance.state}`)}</span>
                        </td>
                        <td>
                          {formatInstant(b.created_at)}
                          {b.created_by ? ` · ${b.created_by}` : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <LoadMore next={next} busy={busy} error={error} onMore={(after) => void loadMore(after)} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
