// Campaigns (/campaigns): every campaign with its goal against what was raised (a progress
// bar), and per campaign its appeals with their results (raised, gifts, donors).
import { useState } from 'react';
import { apiPath, get } from '../api/client';
import type { Appeal, Campaign, CampaignResults } from '../api/crm';
import type { Page } from '../api/types';
import { Empty, ErrorState, Loaded } from '../components/States';
import { formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { percentStep } from '../lib/progress';

interface Row {
  campaign: Campaign;
  results: CampaignResults;
}

export function CampaignsPage() {
  const [load, retry] = useLoad(async (signal) => {
    const list = await get<Page<Campaign>>(apiPath('/campaigns'), signal);
    const results = await Promise.all(list.items.map((c) => get<CampaignResults>(apiPath(`/campaigns/${c.id}/results`), signal)));
    return list.items.map((campaign, i): Row => ({ campaign, results: results[i] }));
  }, []);
  return (
    <>
      <div className="page-header">
        <h1>Campaigns</h1>
      </div>
      <Loaded load={load} retry={retry}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>No campaigns yet.</Empty>
          ) : (
            <ul className="needs" data-testid="campaigns">
              {rows.map((row) => (
                <CampaignCard key={row.campaign.id} row={row} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function CampaignCard({ row: { campaign: c, results: r } }: { row: Row }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card">
      <div className="need-head">
        <h2 lang={/[\uac00-\ud7a3]/.test(c.name) ? 'ko' : undefined}>
          {c.name} <span className="muted">{c.code}</span>
          {!c.active && <span className="tag">inactive</span>}
        </h2>
        <span className="stat-line">
          {formatMoney(r.raised)}
          {r.goal ? ` of ${formatMoney(r.goal)}` : ' (no goal)'}
        </span>
      </div>
      {r.goal && (
        <div className="meter" role="img" aria-label={`${r.percent_of_goal ?? '0'}% of the goal raised`}>
          <div className={`meter-received w-${percentStep(r.percent_of_goal)}`} />
        </div>
      )}
      <p className="muted">
        {r.percent_of_goal !== null && `${r.percent_of_goal}% of goal · `}
        {r.gift_count} gifts · {r.donor_count} donors
        {(c.starts_on || c.ends_on) && ` · ${formatDate(c.starts_on)} – ${formatDate(c.ends_on)}`}
      </p>
      <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide appeals' : 'Show appeals'}
        <span className="visually-hidden"> of {c.name}</span>
      </button>
      {open && <Appeals campaign={c} results={r} />}
    </li>
  );
}

function Appeals({ campaign, results }: { campaign: Campaign; results: CampaignResults }) {
  const [load, retry] = useLoad((signal) => get<Page<Appeal>>(apiPath(`/campaigns/${campaign.id}/appeals`), signal), [campaign.id]);
  if (load.state === 'error') return <ErrorState error={load.error} retry={retry} />;
  return (
    <Loaded load={load}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty>No appeals in this campaign.</Empty>
        ) : (
          <table className="table" data-testid={`appeals-${campaign.id}`}>
            <caption>Appeals of {campaign.name}</caption>
            <thead>
              <tr>
                <th scope="col">Appeal</th>
                <th scope="col">Channel</th>
                <th scope="col" className="numeric">Goal</th>
                <th scope="col" className="numeric">Raised</th>
                <th scope="col" className="numeric">Gifts</th>
                <th scope="col" className="numeric">Donors</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => {
                const t = results.by_appeal.find((x) => x.appeal_id === a.id);
                return (
                  <tr key={a.id}>
                    <td>{a.name} <span className="muted">{a.code}</span></td>
                    <td>{a.channel}</td>
                    <td className="numeric">{a.goal ? formatMoney(a.goal) : '—'}</td>
                    <td className="numeric">{t ? formatMoney(t.raised) : '—'}</td>
                    <td className="numeric">{t?.gift_count ?? 0}</td>
                    <td className="numeric">{t?.donor_count ?? 0}</td>
                  </tr>
                );
              })}
              <tr>
                <td>No appeal</td>
                <td />
                <td />
                <td className="numeric">{formatMoney(results.no_appeal.raised)}</td>
                <td className="numeric">{results.no_appeal.gift_count}</td>
                <td className="numeric">{results.no_appeal.donor_count}</td>
              </tr>
            </tbody>
          </table>
        )
      }
    </Loaded>
  );
}
