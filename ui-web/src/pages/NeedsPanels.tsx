// Needs coverage for a chosen month (committed by recurring plans, light; received, dark),
// monthly recurring revenue by fund, and the recurring gifts expected in the next 30 days.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { MrrReport, NeedsReport, UpcomingGift } from '../api/crm';
import { coverageStep } from '../api/dashboard';
import type { Page } from '../api/types';
import { TextField } from '../components/Field';
import { Empty, ErrorState, Loaded } from '../components/States';
import { formatDate, formatMoney, today } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { monthOf, shiftMonth } from '../lib/progress';

export function NeedsCoverage() {
  const [month, setMonth] = useState(monthOf(today()));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const [load, retry] = useLoad(
    (signal) => (valid ? get<NeedsReport>(apiPath('/needs', { month }), signal) : Promise.reject(new Error('Choose a month.'))),
    [month],
  );
  return (
    <section className="card" aria-labelledby="needs-title">
      <div className="card-header">
        <h2 id="needs-title">Needs coverage</h2>
        <div className="toolbar">
          <button type="button" className="button button-small" onClick={() => valid && setMonth(shiftMonth(month, -1))}>
            Previous month
          </button>
          <TextField label="Month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          <button type="button" className="button button-small" onClick={() => valid && setMonth(shiftMonth(month, 1))}>
            Next month
          </button>
        </div>
      </div>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(report) =>
            report.funds.length === 0 ? (
              <Empty>No active fund has a monthly need.</Empty>
            ) : (
              <ul className="needs" data-testid="needs-month">
                {report.funds.map((f) => (
                  <li key={f.fund_id}>
                    <div className="need-head">
                      <strong>{f.fund_name}</strong>
                      <span>
                        {formatMoney(f.received)} received · {formatMoney(f.committed)} committed of {formatMoney(f.need)}
                      </span>
                    </div>
                    <div className="meter" role="img" aria-label={`${f.received_percent}% received, ${f.committed_percent}% committed`}>
                      <div className={`meter-committed w-${coverageStep(f.committed_bp)}`} />
                      <div className={`meter-received w-${coverageStep(f.received_bp)}`} />
                    </div>
                    <span className="muted">
                      gap {formatMoney(f.gap)}
                      {f.people_served !== null && ` · ${f.people_served} people served`}
                      {f.months_ahead > 0 && ` · covered ${f.months_ahead} months ahead`}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </section>
  );
}

export function RecurringRevenue() {
  const [load, retry] = useLoad((signal) => get<MrrReport>(apiPath('/recurring/mrr'), signal), []);
  return (
    <section className="card" aria-labelledby="mrr-title">
      <h2 id="mrr-title">Monthly recurring revenue</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(r) => (
            <>
              <p className="big" data-testid="mrr">
                {formatMoney(r.base.monthly)}
              </p>
              <p className="muted">{r.base.plan_count} active plans</p>
              {r.base.by_fund.length > 0 && (
                <ul className="plain-list">
                  {r.base.by_fund.map((f) => (
                    <li key={f.fund_id ?? 0}>
                      {f.fund_name || 'No fund'}: {formatMoney(f.monthly)} <span className="muted">({f.plan_count})</span>
                    </li>
                  ))}
                </ul>
              )}
              {r.other_currencies.map((o) => (
                <p key={o.currency} className="muted">
                  also {formatMoney(o.monthly)} from {o.plan_count} plans in {o.currency} (not converted)
                </p>
              ))}
            </>
          )}
        </Loaded>
      )}
    </section>
  );
}

export function UpcomingGifts() {
  const [load, retry] = useLoad((signal) => get<Page<UpcomingGift>>(apiPath('/recurring/upcoming', { limit: 100 }), signal), []);
  return (
    <section className="card" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Recurring gifts expected in the next 30 days</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No recurring gifts expected.</Empty>
            ) : (
              <table className="table" data-testid="upcoming">
                <thead>
                  <tr>
                    <th scope="col">Expected</th>
                    <th scope="col">Donor</th>
                    <th scope="col" className="numeric">Amount</th>
                    <th scope="col">Frequency</th>
                    <th scope="col">Fund</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((g) => (
                    <tr key={g.position}>
                      <td>{formatDate(g.expected_on)}</td>
                      <td>
                        <Link to={`/constituents/${g.constituent_id}`}>{g.display_name}</Link>
                      </td>
                      <td className="numeric">{formatMoney(g.amount)}</td>
                      <td>{g.frequency}</td>
                      <td>{g.fund_name || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
