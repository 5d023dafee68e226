// One constituent: names, kind, household, contact points, giving summary, giving by year,
// gifts and tags; names and notes are edited in place (PUT with If-Match: a 412 means someone
// else changed the record meanwhile).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, get, request } from '../api/client';
import type { ConstituentDetail, Fund, Giving, Page, Settings } from '../api/types';
import { BarChart } from '../components/GivingChart';
import { Empty, ErrorState, Loaded } from '../components/States';
import { fiscalYear, formatDate, formatInstant, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { useI18n } from '../i18n/i18n';
import { ContactEditor } from './ContactEditor';
import { RefundForm, type RefundableGift } from './RefundForm';
import { RelationshipsCard } from './RelationshipEditor';
import { canChangeDonors, useSession } from '../session/session';
import { ConstituentTimeline } from './ConstituentTimeline';
import { SoftCredits } from './SoftCredits';
import { EditConstituent } from './EditConstituent';
import { StageCard } from './StageCard';
import { TagEditor } from './TagEditor';
import { PrivacyCard } from './PrivacyCard';
import { erasedAt, isErased } from '../lib/privacy';

interface Loaded {
  record: ConstituentDetail;
  etag: string | null;
  fiscalStart: number;
}

export function ConstituentPage() {
  const { id } = useParams();
  const session = useSession();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [load, reload] = useLoad<Loaded>(async (signal) => {
    const [r, settings] = await Promise.all([
      request<ConstituentDetail>('GET', apiPath(`/constituents/${id}`), { signal }),
      get<Settings>(apiPath('/settings'), signal),
    ]);
    return { record: r.data, etag: r.etag, fiscalStart: Number(settings.fiscal_year_start_month ?? 1) };
  }, [id], { quiet: true });

  return (
    <Loaded load={load} retry={reload}>
      {({ record, etag, fiscalStart }) => (
        <article className="constituent">
          {isErased(record) && (
            <p className="notice" role="status" data-testid="erased-banner">
              {t('privacy.erasedBanner')} {t('privacy.erasedOn', { at: formatInstant(erasedAt(record) ?? '') })}
            </p>
          )}
          <div className="page-header">
            <div>
              <h1 lang={/[\uac00-\ud7a3]/.test(record.display_name) ? 'ko' : undefined}>{record.display_name}</h1>
              <p className="subtitle">
                {t(`kind.${record.kind}`)}
                {record.household && (
                  <>
                    {` · ${t('household.memberOfPrefix')} `}
                    <Link to={`/constituents/${record.household.household_id}`}>{t('household.household')}</Link>
                  </>
                )}
                {record.restricted && <span className="tag tag-warn">{t('common.restricted')}</span>}
                {` · ${t('common.id')} `}
                {record.id}
              </p>
            </div>
            <div className="actions">
              {canChangeDonors(session.user) && !editing && !isErased(record) && (
                <>
                  <Link className="button" to={`/gifts/new?constituent=${record.id}`}>
                    {t('constituent.recordGift')}
                  </Link>
                  <button type="button" className="button" onClick={() => setEditing(true)}>
                    {t('common.edit')}
                  </button>
                </>
              )}
            </div>
          </div>
          {editing && (
            <EditConstituent
              record={record}
              etag={etag}
              onDone={(changed) => {
                setEditing(false);
                if (changed) reload();
              }}
              onReload={() => {
                setEditing(false);
                reload();
              }}
            />
          )}
          <div className="grid grid-2">
            <GivingSummary record={record} fiscalStart={fiscalStart} />
            <ContactCard record={record} etag={etag} onChanged={reload} />
          </div>
          <ConstituentTimeline constituentId={record.id} />
          <div className="grid grid-2">
            <StageCard constituentId={record.id} />
            <RelationshipsCard record={record} onChanged={reload} />
          </div>
          <section className="card" aria-labelledby="by-year">
            <h2 id="by-year">{t('constituent.givingByYear')}</h2>
            {(record.giving.by_year ?? []).length === 0 ? (
              <Empty>{t('constituent.noGifts')}</Empty>
            ) : (
              <BarChart
                title={t('constituent.givingByFiscalYear')}
                label={t('constituent.giving')}
                labels={record.giving.by_year.map((y) => t('constituent.fy', { year: y.fiscal_year }))}
                minor={record.giving.by_year.map((y) => y.total.minor)}
                currency={record.giving.currency}
              />
            )}
          </section>
          <GiftList constituentId={record.id} onChanged={reload} />
          <SoftCredits constituentId={record.id} />
          {session.user?.role === 'admin' && <PrivacyCard record={record} erased={isErased(record)} onErased={reload} />}
          {record.notes && !editing && (
            <section className="card" aria-labelledby="notes">
              <h2 id="notes">{t('gift.notes')}</h2>
              <p className="notes">{record.notes}</p>
            </section>
          )}
        </article>
      )}
    </Loaded>
  );
}

function GivingSummary({ record, fiscalStart }: { record: ConstituentDetail; fiscalStart: number }) {
  const { t } = useI18n();
  const g = record.giving;
  const year = fiscalYear(new Date(), fiscalStart);
  const thisYear = (g.by_year ?? []).find((y) => y.fiscal_year === year);
  return (
    <section className="card" aria-labelledby="giving">
      <h2 id="giving">{t('constituent.giving')}</h2>
      <dl className="stats" data-testid="giving-summary">
        <div>
          <dt>{t('constituent.lifetime')}</dt>
          <dd data-testid="giving-lifetime">{formatMoney(g.lifetime)}</dd>
        </div>
        <div>
          <dt>{fiscalStart > 1 ? t('constituent.fy', { year }) : t('constituent.thisYear')}</dt>
          <dd>{thisYear ? formatMoney(thisYear.total) : formatMoney({ amount: '0', currency: g.currency, minor: 0 })}</dd>
        </div>
        <div>
          <dt>{t('constituent.gifts')}</dt>
          <dd data-testid="giving-count">{g.gift_count}</dd>
        </div>
        <div>
          <dt>{t('constituent.lastGift')}</dt>
          <dd>
            {g.last_gift_on ? t('constituent.amountOn', { amount: formatMoney(g.last_gift), date: formatDate(g.last_gift_on) }) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('constituent.largest')}</dt>
          <dd>{g.gift_count ? formatMoney(g.largest_gift) : '—'}</dd>
        </div>
        <div>
          <dt>{t('constituent.softCredits')}</dt>
          <dd>{formatMoney((g as { soft_credit?: Giving['lifetime'] }).soft_credit ?? null)}</dd>
        </div>
        <div>
          <dt>{t('constituent.firstGift')}</dt>
          <dd>
            {g.first_gift_on ? t('constituent.amountOn', { amount: formatMoney(g.first_gift), date: formatDate(g.first_gift_on) }) : '—'}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ContactCard({ record: full, etag, onChanged }: { record: ConstituentDetail; etag: string | null; onChanged(): void }) {
  const { t, tx } = useI18n();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  // Parts a record does not have (members of a person) are absent from the answer.
  const record = {
    ...full,
    emails: full.emails ?? [],
    phones: full.phones ?? [],
    addresses: full.addresses ?? [],
    members: full.members ?? [],
    tags: full.tags ?? [],
  };
  const hasAny = record.emails.length + record.phones.length + record.addresses.length > 0;
  return (
    <section className="card" aria-labelledby="contact">
      <div className="card-head">
        <h2 id="contact">{t('contact.title')}</h2>
        {canChangeDonors(session.user) && (
          <button type="button" className="button button-small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {editing ? t('contact.doneEditing') : t('contact.edit')}
          </button>
        )}
      </div>
      {(['do_not_email', 'do_not_mail', 'do_not_call'] as const).some((f) => full[f]) && (
        <p data-testid="permissions">
          {(['do_not_email', 'do_not_mail', 'do_not_call'] as const)
            .filter((f) => full[f])
            .map((f) => (
              <span key={f} className="tag tag-warn">
                {t(`contact.${f}`)}
              </span>
            ))}
        </p>
      )}
      {!hasAny && <Empty>{t('contact.none')}</Empty>}
      <ul className="plain-list">
        {record.emails.map((e) => (
          <li key={`e${e.id}`}>
            <a href={`mailto:${e.email}`}>{e.email}</a> <span className="muted">{tx(`contactKind.${e.kind}`)}{e.is_primary ? `, ${t('contact.primaryLower')}` : ''}</span>
          </li>
        ))}
        {record.phones.map((p) => (
          <li key={`p${p.id}`}>
            {p.phone} <span className="muted">{tx(`contactKind.${p.kind}`)}{p.is_primary ? `, ${t('contact.primaryLower')}` : ''}</span>
          </li>
        ))}
        {record.addresses.map((a) => (
          <li key={`a${a.id}`}>
            {[a.line1, a.line2, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(', ')}{' '}
            <span className="muted">{tx(`contactKind.${a.kind}`)}{a.is_primary ? `, ${t('contact.primaryLower')}` : ''}</span>
          </li>
        ))}
      </ul>
      <TagEditor constituentId={record.id} tags={record.tags} onChanged={onChanged} />
      {editing && <ContactEditor record={full} etag={etag} onChanged={onChanged} />}
    </section>
  );
}

function GiftList({ constituentId, onChanged }: { constituentId: number; onChanged(): void }) {
  const { t, tx } = useI18n();
  const session = useSession();
  const [refunding, setRefunding] = useState<number | null>(null);
  const [load, retry] = useLoad(
    async (signal) => {
      const [gifts, funds] = await Promise.all([
        get<Page<RefundableGift>>(apiPath('/gifts', { constituent_id: constituentId, limit: 100 }), signal),
        get<Page<Fund>>(apiPath('/funds', { limit: 500 }), signal),
      ]);
      return { gifts: gifts.items, funds: new Map(funds.items.map((f) => [f.id, f.name])) };
    },
    [constituentId],
  );
  const canRefund = canChangeDonors(session.user);
  return (
    <section className="card" aria-labelledby="gifts">
      <h2 id="gifts">{t('constituent.gifts')}</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {({ gifts, funds }) =>
            gifts.length === 0 ? (
              <Empty>{t('constituent.noGifts')}</Empty>
            ) : (
              <>
                {refunding !== null && gifts.some((g) => g.id === refunding) && (
                  <RefundForm
                    gift={gifts.find((g) => g.id === refunding) as RefundableGift}
                    onDone={(changed) => {
                      setRefunding(null);
                      if (changed) {
                        retry();
                        onChanged();
                      }
                    }}
                  />
                )}
                <table className="table" data-testid="gift-list">
                  <thead>
                    <tr>
                      <th scope="col">{t('common.date')}</th>
                      <th scope="col" className="numeric">
                        {t('common.amount')}
                      </th>
                      <th scope="col">{t('gift.fund')}</th>
                      <th scope="col">{t('gift.method')}</th>
                      <th scope="col">{t('common.status')}</th>
                      {canRefund && (
                        <th scope="col">
                          <span className="visually-hidden">{t('common.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {[...gifts]
                      .sort((a, b) => b.received_on.localeCompare(a.received_on) || b.id - a.id)
                      .map((g) => (
                        <tr key={g.id}>
                          <td>{formatDate(g.received_on)}</td>
                          <td className="numeric">
                            {formatMoney(g.amount)}
                            {g.refunded && g.refunded.minor > 0 && (
                              <div className="muted">{t('refund.refundedAmount', { amount: formatMoney(g.refunded) })}</div>
                            )}
                          </td>
                          <td>{g.allocations.map((a) => funds.get(a.fund_id) ?? `#${a.fund_id}`).join(', ')}</td>
                          <td>{tx(`method.${g.payment_method}`)}</td>
                          <td>{tx(`giftStatus.${g.status}`)}</td>
                          {canRefund && (
                            <td>
                              {g.amount.minor - (g.refunded?.minor ?? 0) > 0 && g.status !== 'refunded' && (
                                <button type="button" className="button button-small" onClick={() => setRefunding(g.id)}>
                                  {t('refund.button')}
                                  <span className="visually-hidden"> {formatMoney(g.amount)} {formatDate(g.received_on)}</span>
                                </button>
                              )}
                            </td>
                          )}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </>
            )
          }
        </Loaded>
      )}
    </section>
  );
}
