// The dashboard: the year against last year, this month, donors won and lapsed, monthly
// recurring revenue, needs coverage (our first organisation checks this first), the 24-month
// trend, my tasks, recent gifts and gifts waiting for a thank-you.
import { Link } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import { change, coverageStep, type Dashboard } from '../api/dashboard';
import { TrendChart } from '../components/GivingChart';
import { Empty, Loaded } from '../components/States';
import { formatDate, formatMoney, percent } from '../lib/format';
import { takeEarlyDashboard } from '../lib/earlyDashboard';
import { useLoad } from '../lib/hooks';
import { useI18n } from '../i18n/i18n';

export function DashboardPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad(async (signal) => (await takeEarlyDashboard<Dashboard>()) ?? get<Dashboard>(apiPath('/dashboard'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('nav.dashboard')}</h1>
        {load.state === 'ready' && <span className="muted">{t('dash.asOf', { date: formatDate(load.data.as_of) })}</span>}
      </div>
      <Loaded load={load} retry={retry}>
        {(d) => <DashboardBody d={d} />}
      </Loaded>
    </>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const ytd = d.year_to_date;
  return (
    <>
      <section aria-labelledby="needs-title" className="card">
        <h2 id="needs-title">{t('dash.needs')}</h2>
        {d.needs.length === 0 ? (
          <Empty>{t('dash.noNeeds')}</Empty>
        ) : (
          <ul className="needs" data-testid="needs">
            {d.needs.map((n) => (
              <li key={n.fund_id}>
                <div className="need-head">
                  <strong>{n.fund_name}</strong>
                  <span>
                    {t('dash.needLine', { received: formatMoney(n.received), committed: formatMoney(n.committed), need: formatMoney(n.need) })}
                  </span>
                </div>
                <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, Math.floor(n.committed_bp / 100))} aria-label={t('dash.needMeter', { fund: n.fund_name, percent: percent(n.committed_bp) })}>
                  <div className={`meter-committed w-${coverageStep(n.committed_bp)}`} />
                  <div className={`meter-received w-${coverageStep(n.received_bp)}`} />
                </div>
                <div className="need-foot muted">
                  {t('dash.needFoot', { committed: percent(n.committed_bp), received: percent(n.received_bp) })}
                  {n.gap.minor > 0 ? t('dash.gap', { amount: formatMoney(n.gap) }) : t('dash.fully')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="cards">
        <div className="card stat-card">
          <h2>{t('dash.ytd')}</h2>
          <p className="big" data-testid="ytd">{formatMoney(ytd.this_year)}</p>
          <p className="muted">
            {t('dash.vsLastYear', { change: change(ytd.this_year.minor, ytd.last_year.minor), amount: formatMoney(ytd.last_year) })}
          </p>
        </div>
        <div className="card stat-card">
          <h2>{t('dash.thisMonth')}</h2>
          <p className="big">{formatMoney(d.this_month.total)}</p>
          <p className="muted">{t('dash.gifts', { count: d.this_month.gift_count })}</p>
        </div>
        <div className="card stat-card">
          <h2>{t('dash.donors')}</h2>
          <p className="big">{t('dash.new', { count: d.donors.new_this_year })}</p>
          <p className="muted">
            {t('dash.lapsed', {
              count: d.donors.lapsed_this_year,
              retention: d.donors.last_year_donors ? `${Math.round((d.donors.retained_this_year * 100) / d.donors.last_year_donors)}%` : '—',
            })}
          </p>
        </div>
        <div className="card stat-card">
          <h2>{t('dash.recurring')}</h2>
          <p className="big">{formatMoney(d.recurring.monthly)}</p>
          <p className="muted">{t('dash.plans', { count: d.recurring.plan_count })}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">{t('dash.trend')}</h2>
        <TrendChart
          title={t('dash.trendTitle')}
          label={t('constituent.giving')}
          labels={d.trend.map((m) => m.month)}
          minor={d.trend.map((m) => m.total.minor)}
          currency={d.currency}
        />
      </section>
      <div className="grid grid-3">
        <section className="card" aria-labelledby="tasks-title">
          <div className="card-header">
            <h2 id="tasks-title">{t('dash.myTasks')}</h2>
            <Link to="/tasks">{t('dash.allTasks')}</Link>
          </div>
          {d.my_tasks.length === 0 ? (
            <Empty>{t('dash.noTasks')}</Empty>
          ) : (
            <ul className="plain-list">
              {d.my_tasks.map((task) => (
                <li key={task.id}>
                  {task.title}
                  {task.constituent_id && (
                    <>
                      {' · '}
                      <Link to={`/constituents/${task.constituent_id}`}>{task.constituent_name}</Link>
                    </>
                  )}
                  {task.due_on && <span className="muted">{t('dash.due', { date: formatDate(task.due_on) })}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('dash.recent')}</h2>
          {d.recent_gifts.length === 0 ? (
            <Empty>{t('constituent.noGifts')}</Empty>
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
          <h2 id="ack-title">{t('dash.ack')}</h2>
          <p className="big">{d.unacknowledged_gifts}</p>
          <p className="muted">{t('dash.notAcked')}</p>
          {(d.unacknowledged_overdue ?? 0) > 0 && (
            <p data-testid="dash-ack-overdue">
              <Link className="tag tag-warn" to="/mail">
                {t('dash.ackOverdue', { count: d.unacknowledged_overdue ?? 0 })}
              </Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
