// Funds and needs: needs coverage by month, monthly recurring revenue, the recurring gifts
// expected soon, and every fund with its monthly need.
import { apiPath, get } from '../api/client';
import type { Fund, Page } from '../api/types';
import { Empty, Loaded } from '../components/States';
import { formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { NeedsCoverage, RecurringRevenue, UpcomingGifts } from './NeedsPanels';

export function FundsPage() {
  const [load, retry] = useLoad((signal) => get<Page<Fund>>(apiPath('/funds', { limit: 500 }), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>Funds and needs</h1>
      </div>
      <NeedsCoverage />
      <div className="grid grid-entry">
        <UpcomingGifts />
        <RecurringRevenue />
      </div>
      <h2 className="section-title">Funds</h2>
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No funds yet.</Empty>
          ) : (
            <table className="table" data-testid="fund-list">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Name</th>
                  <th scope="col" className="numeric">Monthly need</th>
                  <th scope="col" className="numeric">People served</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((f) => (
                  <tr key={f.id}>
                    <td>{f.code}</td>
                    <td>{f.name}</td>
                    <td className="numeric">{f.monthly_need ? formatMoney(f.monthly_need) : '—'}</td>
                    <td className="numeric">{f.people_served ?? '—'}</td>
                    <td>{f.active ? 'active' : 'inactive'}</td>
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
