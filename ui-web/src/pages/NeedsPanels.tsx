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
import { useI18n } from '../i18n/i18n';

export function NeedsCoverage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(monthOf(today()));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const [load, retry] = useLoad(
    (signal) => (valid ? get<NeedsReport>(apiPath('/needs', { month }), signal) : Promise.reject(new Error(t('needs.chooseMonth')))),
    [month],
  );
  return (
    <section className="card" aria-labelledby="needs-title">
      <div className="card-header">
        <h2 id="needs-title">{t('needs.coverage')}</h2>
        <div className="toolbar">
          <button type="button" className="button button-small" onClick={() => valid && setMonth(shiftMonth(month, -1))}>
            {t('needs.prev')}
          </button>
          <TextField label={t('needs.month')} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          <button type="button" className="button button-small" onClick={() => valid && setMonth(shiftMonth(month, 1))}>
            {t('needs.next')}
          </button>
        </div>
      </div>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(report) =>
            report.funds.length === 0 ? (
              <Empty>{t('needs.none')}</Empty>
            ) : (
              <ul className="needs" data-testid="needs-month">
                {report.funds.map((f) => (
                  <li key={f.fund_id}>
                    <div className="need-head">
                      <strong>{f.fund_name}</strong>
                      <span>
                        {t('dash.needLine', { received: formatMoney(f.received), committed: formatMoney(f.committed), need: formatMoney(f.need) })}
                      </span>
                    </div>
                    <div className="meter" role="img" aria-label={t('needs.meter', { received: f.received_percent, committed: f.committed_percent })}>
                      <div className={`meter-committed w-${coverageStep(f.committed_bp)}`} />
                      <div className={`meter-received w-${coverageStep(f.received_bp)}`} />
                    </div>
                    <span className="muted">
                      {t('needs.gap', { amount: formatMoney(f.gap) })}
                      {f.people_served !== null && t('needs.people', { count: f.people_served })}
                      {f.months_ahead > 0 && t('needs.ahead', { count: f.months_ahead })}
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
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<MrrReport>(apiPath('/recurring/mrr'), signal), []);
  return (
    <section className="card" aria-labelledby="mrr-title">
      <h2 id="mrr-title">{t('needs.mrr')}</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(r) => (
            <>
              <p className="big" data-testid="mrr">
                {formatMoney(r.base.monthly)}
              </p>
              <p className="muted">{t('dash.plans', { count: r.base.plan_count })}</p>
              {r.base.by_fund.length > 0 && (
                <ul className="plain-list">
                  {r.base.by_fund.map((f) => (
                    <li key={f.fund_id ?? 0}>
                      {f.fund_name || t('needs.noFund')}: {formatMoney(f.monthly)} <span className="muted">({f.plan_count})</span>
                    </li>
                  ))}
                </ul>
              )}
              {r.other_currencies.map((o) => (
                <p key={o.currency} className="muted">
                  {t('needs.otherCurrency', { amount: formatMoney(o.monthly), count: o.plan_count, currency: o.currency })}
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
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<Page<UpcomingGift>>(apiPath('/recurring/upcoming', { limit: 100 }), signal), []);
  return (
    <section className="card" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{t('needs.upcoming')}</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('needs.noUpcoming')}</Empty>
            ) : (
              <table className="table" data-testid="upcoming">
                <thead>
                  <tr>
                    <th scope="col">{t('needs.expected')}</th>
                    <th scope="col">{t('gift.donor')}</th>
                    <th scope="col" className="numeric">{t('common.amount')}</th>
                    <th scope="col">{t('needs.frequency')}</th>
                    <th scope="col">{t('gift.fund')}</th>
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
