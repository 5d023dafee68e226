// Campaigns (/campaigns): every campaign with its goal against what was raised (a progress
// bar), and per campaign its appeals with their results (raised, gifts, donors). Fundraisers
// and admins create and edit campaigns and appeals (pages/CampaignEditor.tsx).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { Appeal, Campaign, CampaignResults } from '../api/crm';
import type { Page, Settings } from '../api/types';
import { Empty, ErrorState, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { percentStep } from '../lib/progress';
import { canChangeDonors, useSession } from '../session/session';
import { AppealEditor, CampaignEditor } from './CampaignEditor';

interface Row {
  campaign: Campaign;
  results: CampaignResults;
}

export function CampaignsPage() {
  const { t } = useI18n();
  const session = useSession();
  const canEdit = canChangeDonors(session.user);
  const [creating, setCreating] = useState(false);
  const [load, retry] = useLoad(async (signal) => {
    const [list, settings] = await Promise.all([get<Page<Campaign>>(apiPath('/campaigns', { limit: 500 }), signal), get<Settings>(apiPath('/settings'), signal)]);
    const results = await Promise.all(list.items.map((c) => get<CampaignResults>(apiPath(`/campaigns/${c.id}/results`), signal)));
    return { rows: list.items.map((campaign, i): Row => ({ campaign, results: results[i] })), currency: String(settings.base_currency ?? 'USD') };
  }, []);
  return (
    <>
      <div className="page-header">
        <h1>{t('nav.campaigns')}</h1>
        {canEdit && !creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('campaign.new')}
          </button>
        )}
      </div>
      <Loaded load={load} retry={retry}>
        {({ rows, currency }) => (
          <>
            {creating && (
              <CampaignEditor
                id={null}
                currency={currency}
                onDone={(changed) => {
                  setCreating(false);
                  if (changed) retry();
                }}
              />
            )}
            {rows.length === 0 ? (
              <Empty>{t('campaign.none')}</Empty>
            ) : (
              <ul className="needs" data-testid="campaigns">
                {rows.map((row) => (
                  <CampaignCard key={row.campaign.id} row={row} currency={currency} canEdit={canEdit} onChanged={retry} />
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function CampaignCard({ row: { campaign: c, results: r }, currency, canEdit, onChanged }: { row: Row; currency: string; canEdit: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <li className="card">
      <div className="need-head">
        <h2 lang={/[\uac00-\ud7a3]/.test(c.name) ? 'ko' : undefined}>
          {c.name} <span className="muted">{c.code}</span>
          {!c.active && <span className="tag">{t('campaign.inactive')}</span>}
        </h2>
        <span className="stat-line">
          {formatMoney(r.raised)}
          {r.goal ? ` ${t('campaign.ofGoal', { goal: formatMoney(r.goal) })}` : ` ${t('campaign.noGoal')}`}
        </span>
      </div>
      {r.goal && (
        <div className="meter" role="img" aria-label={t('campaign.percentRaised', { percent: r.percent_of_goal ?? '0' })}>
          <div className={`meter-received w-${percentStep(r.percent_of_goal)}`} />
        </div>
      )}
      <p className="muted">
        {r.percent_of_goal !== null && `${t('campaign.percentOfGoal', { percent: r.percent_of_goal })} · `}
        {t('campaign.giftsDonors', { gifts: r.gift_count, donors: r.donor_count })}
        {(c.starts_on || c.ends_on) && ` · ${formatDate(c.starts_on)} – ${formatDate(c.ends_on)}`}
      </p>
      <div className="actions">
        <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('campaign.hideAppeals') : t('campaign.showAppeals')}
          <span className="visually-hidden"> {t('campaign.of', { name: c.name })}</span>
        </button>
        {canEdit && !editing && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            {t('common.edit')}
            <span className="visually-hidden"> {c.name}</span>
          </button>
        )}
      </div>
      {editing && (
        <CampaignEditor
          id={c.id}
          currency={currency}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      )}
      {open && <Appeals campaign={c} results={r} canEdit={canEdit} />}
    </li>
  );
}

function Appeals({ campaign, results, canEdit }: { campaign: Campaign; results: CampaignResults; canEdit: boolean }) {
  const { t, tx } = useI18n();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [load, retry] = useLoad((signal) => get<Page<Appeal>>(apiPath(`/campaigns/${campaign.id}/appeals`, { limit: 500 }), signal), [campaign.id]);
  const done = (changed: boolean) => {
    setEditing(null);
    if (changed) retry();
  };
  if (load.state === 'error') return <ErrorState error={load.error} retry={retry} />;
  return (
    <Loaded load={load}>
      {(page) => (
        <>
          {editing !== null && <AppealEditor campaign={campaign} id={editing === 'new' ? null : editing} onDone={done} />}
          {page.items.length === 0 ? (
            <Empty>{t('appeal.none')}</Empty>
          ) : (
            <table className="table" data-testid={`appeals-${campaign.id}`}>
              <caption>{t('appeal.caption', { name: campaign.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('appeal.appeal')}</th>
                  <th scope="col">{t('appeal.channel')}</th>
                  <th scope="col" className="numeric">{t('appeal.goal')}</th>
                  <th scope="col" className="numeric">{t('appeal.raised')}</th>
                  <th scope="col" className="numeric">{t('constituent.gifts')}</th>
                  <th scope="col" className="numeric">{t('appeal.donors')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => {
                  const tally = results.by_appeal.find((x) => x.appeal_id === a.id);
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/appeals/${a.id}`}>{a.name}</Link> <span className="muted">{a.code}</span>
                      </td>
                      <td>{tx(`channel.${a.channel}`)}</td>
                      <td className="numeric">{a.goal ? formatMoney(a.goal) : '—'}</td>
                      <td className="numeric">{tally ? formatMoney(tally.raised) : '—'}</td>
                      <td className="numeric">{tally?.gift_count ?? 0}</td>
                      <td className="numeric">{tally?.donor_count ?? 0}</td>
                      {canEdit && (
                        <td className="row-actions">
                          <button type="button" className="button button-small" onClick={() => setEditing(a.id)}>
                            {t('common.edit')}
                            <span className="visually-hidden"> {a.name}</span>
                          </button>{' '}
                          <Link className="button button-small" to={`/appeals/${a.id}/email`}>
                            {t('appealMail.emailShort')}
                            <span className="visually-hidden"> {a.name}</span>
                          </Link>
                        </td>
                      )}
                    </tr>
                  );
                })}
                <tr>
                  <td>{t('appeal.noAppeal')}</td>
                  <td />
                  <td />
                  <td className="numeric">{formatMoney(results.no_appeal.raised)}</td>
                  <td className="numeric">{results.no_appeal.gift_count}</td>
                  <td className="numeric">{results.no_appeal.donor_count}</td>
                  {canEdit && <td />}
                </tr>
              </tbody>
            </table>
          )}
          {canEdit && editing === null && (
            <button type="button" className="button button-small" onClick={() => setEditing('new')}>
              {t('appeal.new')}
            </button>
          )}
        </>
      )}
    </Loaded>
  );
}
