// Funds and needs: needs coverage by month, monthly recurring revenue, the recurring gifts
// expected soon, and every fund with its monthly need.
import { apiPath, get } from '../api/client';
import type { Fund, Page } from '../api/types';
import { Empty, Loaded } from '../components/States';
import { formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { useI18n } from '../i18n/i18n';
import { NeedsCoverage, RecurringRevenue, UpcomingGifts } from './NeedsPanels';

export function FundsPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<Page<Fund>>(apiPath('/funds', { limit: 500 }), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('funds.title')}</h1>
      </div>
      <NeedsCoverage />
      <div className="grid grid-entry">
        <UpcomingGifts />
        <RecurringRevenue />
      </div>
      <h2 className="section-title">{t('nav.funds')}</h2>
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('funds.none')}</Empty>
          ) : (
            <table className="table" data-testid="fund-list">
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col" className="numeric">{t('funds.monthlyNeed')}</th>
                  <th scope="col" className="numeric">{t('funds.peopleServed')}</th>
                  <th scope="col">{t('funds.state')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((f) => (
                  <tr key={f.id}>
                    <td>{f.code}</td>
                    <td>{f.name}</td>
                    <td className="numeric">{f.monthly_need ? formatMoney(f.monthly_need) : '—'}</td>
                    <td className="numeric">{f.people_served ?? '—'}</td>
                    <td>{f.active ? t('funds.active') : t('funds.inactive')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
