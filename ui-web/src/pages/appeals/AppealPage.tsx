// One appeal (/appeals/:id, /appeals/:id/email): what it raised (gifts coded to it, and the
// responses to its emails), "Email this appeal" for the roles that send mail, and its email
// sends, newest first (decision 0162; docs/ui.md "Email appeals").
import { Link, useNavigate, useParams } from 'react-router-dom';
import { apiPath, get } from '../../api/client';
import type { Appeal, Campaign } from '../../api/crm';
import type { Page, Settings } from '../../api/types';
import { Empty, ErrorState, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { ratePercent, type AppealSend, type EmailResults } from '../../lib/appealMail';
import { formatInstant, formatMinor, formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { canChangeDonors, useSession } from '../../session/session';
import { EmailAppealForm } from './EmailAppealForm';

export interface SegmentSummary {
  id: number;
  name: string;
}

export function AppealPage({ emailing = false }: { emailing?: boolean }) {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const canSend = canChangeDonors(session.user);
  const [load, retry] = useLoad(async (signal) => {
    const [appeal, settings] = await Promise.all([get<Appeal>(apiPath(`/appeals/${id}`), signal), get<Settings>(apiPath('/settings'), signal)]);
    const campaign = await get<Campaign>(apiPath(`/campaigns/${appeal.campaign_id}`), signal);
    return { appeal, campaign, currency: String(settings.base_currency ?? 'USD') };
  }, [id]);
  return (
    <Loaded load={load} retry={retry}>
      {({ appeal, campaign, currency }) => (
        <article>
          <div className="page-header">
            <div>
              <h1 lang={/[\uac00-\ud7a3]/.test(appeal.name) ? 'ko' : undefined}>{appeal.name}</h1>
              <p className="subtitle">
                {appeal.code} · {tx(`channel.${appeal.channel}`)} · <Link to="/campaigns">{campaign.name}</Link>
              </p>
            </div>
            {canSend && !emailing && (
              <div className="actions">
                <button type="button" className="button button-primary" onClick={() => navigate(`/appeals/${appeal.id}/email`)}>
                  {t('appealMail.emailThis')}
                </button>
              </div>
            )}
          </div>
          <AppealResults appealId={appeal.id} currency={currency} />
          {canSend && emailing && <EmailAppealForm appeal={appeal} onCancel={() => navigate(`/appeals/${appeal.id}`)} onStarted={(send) => navigate(`/appeal-sends/${send.id}`)} />}
          {canSend && <AppealSends appealId={appeal.id} />}
        </article>
      )}
    </Loaded>
  );
}

function AppealResults({ appealId, currency }: { appealId: number; currency: string }) {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<EmailResults>(apiPath(`/appeals/${appealId}/email-results`), signal), [appealId]);
  return (
    <section className="card" aria-labelledby="appeal-results">
      <h2 id="appeal-results">{t('appealMail.results')}</h2>
      <Loaded load={load} retry={retry}>
        {(r) => (
          <dl className="stats" data-testid="appeal-results">
            <div>
              <dt>{t('appeal.raised')}</dt>
              <dd data-testid="appeal-raised">{formatMinor(r.appeal_raised_minor, currency)}</dd>
            </div>
            <div>
              <dt>{t('constituent.gifts')}</dt>
              <dd>{formatNumber(r.appeal_gifts)}</dd>
            </div>
            <div>
              <dt>{t('appeal.donors')}</dt>
              <dd>{formatNumber(r.appeal_donors)}</dd>
            </div>
            <div>
              <dt>{t('appealMail.emailed')}</dt>
              <dd>{formatNumber(r.sent)}</dd>
            </div>
            <div>
              <dt>{t('appealMail.responders')}</dt>
              <dd>
                {formatNumber(r.responders)} <span className="muted">({t('appealMail.percent', { percent: ratePercent(r.response_rate) })})</span>
              </dd>
            </div>
            <div>
              <dt>{t('appealMail.responseRaised')}</dt>
              <dd>{formatMinor(r.response_raised_minor, currency)}</dd>
            </div>
          </dl>
        )}
      </Loaded>
    </section>
  );
}

function AppealSends({ appealId }: { appealId: number }) {
  const { t, tx } = useI18n();
  const [load, retry] = useLoad(async (signal) => {
    const [sends, segments] = await Promise.all([
      get<{ items: AppealSend[] }>(apiPath(`/appeals/${appealId}/email-sends`), signal),
      get<Page<SegmentSummary>>(apiPath('/segments', { limit: 500 }), signal),
    ]);
    return { sends: sends.items, segments: new Map(segments.items.map((s) => [s.id, s.name])) };
  }, [appealId]);
  return (
    <section className="card" aria-labelledby="appeal-sends">
      <h2 id="appeal-sends">{t('appealMail.sends')}</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {({ sends, segments }) =>
            sends.length === 0 ? (
              <Empty>{t('appealMail.noSends')}</Empty>
            ) : (
              <table className="table" data-testid="appeal-sends">
                <thead>
                  <tr>
                    <th scope="col">{t('appealMail.started')}</th>
                    <th scope="col">{t('appealMail.segment')}</th>
                    <th scope="col">{t('appealMail.template')}</th>
                    <th scope="col" className="numeric">{t('appealMail.recipients')}</th>
                    <th scope="col">{t('common.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sends.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/appeal-sends/${s.id}`}>{formatInstant(s.created_at)}</Link>
                        <span className="muted"> {t('appealMail.by', { user: s.created_by })}</span>
                      </td>
                      <td>{segments.get(s.segment_id) ?? `#${s.segment_id}`}</td>
                      <td>{s.template_name}</td>
                      <td className="numeric">{formatNumber(s.recipients)}</td>
                      <td>{tx(`appealMail.status.${s.status}`)}</td>
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
