// The dashboard: the year against last year, this month, donors won and lapsed, monthly
// recurring revenue, needs coverage (our first organisation checks this first), the 24-month
// trend, my tasks, recent gifts and gifts waiting for a thank-you.
import { Link } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import { change, coverageStep, type Dashboard } from '../api/dashboard';
import { TrendChart } from '../components/GivingChart';
import { Empty, Loaded } from '../components/States';
import { formatDate, formatMoney, percent } from '../lib/format';
import { useLoad } from '../lib/hooks';

export function DashboardPage() {
  const [load, retry] = useLoad((signal) => get<Dashboard>(apiPath('/dashboard'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>Dashboard</h1>
        {load.state === 'ready' && <span className="muted">as of {formatDate(load.data.as_of)}</span>}
      </div>
      <Loaded load={load} retry={retry}>
        {(d) => <DashboardBody d={d} />}
      </Loaded>
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const ytd = d.year_to_date;
  return (
    <>
      <section aria-labelledby="needs-title" className="card">
        <h2 id="needs-title">Needs this month</h2>
        {d.needs.length === 0 ? (
          <Empty>No fund has a monthly need. Set one on a fund to see its coverage here.</Empty>
        ) : (
          <ul className="needs" data-testid="needs">
            {d.needs.map((n) => (
              <li key={n.fund_id}>
                <div className="need-head">
                  <strong>{n.fund_name}</strong>
                  <span>
                    {formatMoney(n.received)} received · {formatMoney(n.committed)} committed of {formatMoney(n.need)}
                  </span>
                </div>
                <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, Math.floor(n.committed_bp / 100))} aria-label={`${n.fund_name}: committed ${percent(n.committed_bp)} of the monthly need`}>
                  <div className={`meter-committed w-${coverageStep(n.committed_bp)}`} />
                  <div className={`meter-received w-${coverageStep(n.received_bp)}`} />
                </div>
                <div className="need-foot muted">
                  Committed {percent(n.committed_bp)} · received {percent(n.received_bp)}
                  {n.gap.minor > 0 ? ` · gap ${formatMoney(n.gap)}` : ' · fully committed'}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="cards">
        <div className="card stat-card">
          <h2>Year to date</h2>
          <p className="big" data-testid="ytd">{formatMoney(ytd.this_year)}</p>
          <p className="muted">
            {change(ytd.this_year.minor, ytd.last_year.minor)} vs {formatMoney(ytd.last_year)} last year to date
          </p>
        </div>
        <div className="card stat-card">
          <h2>This month</h2>
          <p className="big">{formatMoney(d.this_month.total)}</p>
          <p className="muted">{d.this_month.gift_count} gifts</p>
        </div>
        <div className="card stat-card">
          <h2>Donors this year</h2>
          <p className="big">{d.donors.new_this_year} new</p>
          <p className="muted">
            {d.donors.lapsed_this_year} lapsed · retention{' '}
            {d.donors.last_year_donors ? `${Math.round((d.donors.retained_this_year * 100) / d.donors.last_year_donors)}%` : '—'}
          </p>
        </div>
        <div className="card stat-card">
          <h2>Monthly recurring</h2>
          <p className="big">{formatMoney(d.recurring.monthly)}</p>
          <p className="muted">{d.recurring.plan_count} active plans</p>
        </div>
      </div>
      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">Giving, last 24 months</h2>
        <TrendChart
          title="Giving per month over the last 24 months"
          label="Giving"
          labels={d.trend.map((t) => t.month)}
          minor={d.trend.map((t) => t.total.minor)}
          currency={d.currency}
        />
      </section>
      <div className="grid grid-3">
        <section className="card" aria-labelledby="tasks-title">
          <div className="card-header">
            <h2 id="tasks-title">My open tasks</h2>
            <Link to="/tasks">All my tasks</Link>
          </div>
          {d.my_tasks.length === 0 ? (
            <Empty>Nothing open. Well done.</Empty>
          ) : (
            <ul className="plain-list">
              {d.my_tasks.map((t) => (
                <li key={t.id}>
                  {t.title}
                  {t.constituent_id && (
                    <>
                      {' · '}
                      <Link to={`/constituents/${t.constituent_id}`}>{t.constituent_name}</Link>
                    </>
                  )}
                  {t.due_on && <span className="muted"> · due {formatDate(t.due_on)}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent gifts</h2>
          {d.recent_gifts.length === 0 ? (
            <Empty>No gifts yet.</Empty>
          ) : (
            <ul className="plain-list">
              {d.recent_gifts.map((g) => (
                <li key={g.id}>
                  <Link to={`/constituents/${g.constituent_id}`}>{g.constituent_name}</Link> · {formatMoney(g.amount)}{' '}
                  <span className="muted">{formatDate(g.received_on)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="ack-title">
          <h2 id="ack-title">Waiting for a thank-you</h2>
          <p className="big">{d.unacknowledged_gifts}</p>
          <p className="muted">gifts not yet acknowledged</p>
        </section>
      </div>
    </>
  );
}
