// One constituent: names, kind, household, contact points, giving summary, giving by year,
// gifts and tags; names and notes are edited in place (PUT with If-Match: a 412 means someone
// else changed the record meanwhile).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { apiPath, get, request } from '../api/client';
import type { ConstituentDetail, Fund, Gift, Giving, Page, Settings } from '../api/types';
import { BarChart } from '../components/GivingChart';
import { Empty, ErrorState, Loaded } from '../components/States';
import { fiscalYear, formatDate, formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { canChangeDonors, useSession } from '../session/session';
import type { Relationship } from '../api/crm';
import { ConstituentTimeline } from './ConstituentTimeline';
import { EditConstituent } from './EditConstituent';
import { StageCard } from './StageCard';
import { TagEditor } from './TagEditor';

interface Loaded {
  record: ConstituentDetail;
  etag: string | null;
  fiscalStart: number;
}

export function ConstituentPage() {
  const { id } = useParams();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const [load, reload] = useLoad<Loaded>(async (signal) => {
    const [r, settings] = await Promise.all([
      request<ConstituentDetail>('GET', apiPath(`/constituents/${id}`), { signal }),
      get<Settings>(apiPath('/settings'), signal),
    ]);
    return { record: r.data, etag: r.etag, fiscalStart: Number(settings.fiscal_year_start_month ?? 1) };
  }, [id]);

  return (
    <Loaded load={load} retry={reload}>
      {({ record, etag, fiscalStart }) => (
        <article className="constituent">
          <div className="page-header">
            <div>
              <h1 lang={/[\uac00-\ud7a3]/.test(record.display_name) ? 'ko' : undefined}>{record.display_name}</h1>
              <p className="subtitle">
                {record.kind === 'individual' ? 'Person' : record.kind === 'household' ? 'Household' : 'Organization'}
                {record.household && (
                  <>
                    {' · member of '}
                    <Link to={`/constituents/${record.household.household_id}`}>household</Link>
                  </>
                )}
                {record.restricted && <span className="tag tag-warn">restricted</span>}
                {' · ID '}
                {record.id}
              </p>
            </div>
            <div className="actions">
              {canChangeDonors(session.user) && !editing && (
                <>
                  <Link className="button" to={`/gifts/new?constituent=${record.id}`}>
                    Record a gift
                  </Link>
                  <button type="button" className="button" onClick={() => setEditing(true)}>
                    Edit
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
            <ContactCard record={record} onChanged={reload} />
          </div>
          <ConstituentTimeline constituentId={record.id} />
          <div className="grid grid-2">
            <StageCard constituentId={record.id} />
            <Relationships record={record} />
          </div>
          <section className="card" aria-labelledby="by-year">
            <h2 id="by-year">Giving by year</h2>
            {(record.giving.by_year ?? []).length === 0 ? (
              <Empty>No gifts yet.</Empty>
            ) : (
              <BarChart
                title="Giving by fiscal year"
                label="Giving"
                labels={record.giving.by_year.map((y) => `FY ${y.fiscal_year}`)}
                minor={record.giving.by_year.map((y) => y.total.minor)}
                currency={record.giving.currency}
              />
            )}
          </section>
          <GiftList constituentId={record.id} />
          {record.notes && !editing && (
            <section className="card" aria-labelledby="notes">
              <h2 id="notes">Notes</h2>
              <p className="notes">{record.notes}</p>
            </section>
          )}
        </article>
      )}
    </Loaded>
  );
}

function GivingSummary({ record, fiscalStart }: { record: ConstituentDetail; fiscalStart: number }) {
  const g = record.giving;
  const year = fiscalYear(new Date(), fiscalStart);
  const thisYear = (g.by_year ?? []).find((y) => y.fiscal_year === year);
  return (
    <section className="card" aria-labelledby="giving">
      <h2 id="giving">Giving</h2>
      <dl className="stats" data-testid="giving-summary">
        <div>
          <dt>Lifetime</dt>
          <dd data-testid="giving-lifetime">{formatMoney(g.lifetime)}</dd>
        </div>
        <div>
          <dt>{fiscalStart > 1 ? `FY ${year}` : 'This year'}</dt>
          <dd>{thisYear ? formatMoney(thisYear.total) : formatMoney({ amount: '0', currency: g.currency, minor: 0 })}</dd>
        </div>
        <div>
          <dt>Gifts</dt>
          <dd data-testid="giving-count">{g.gift_count}</dd>
        </div>
        <div>
          <dt>Last gift</dt>
          <dd>
            {g.last_gift_on ? `${formatMoney(g.last_gift)} on ${formatDate(g.last_gift_on)}` : '—'}
          </dd>
        </div>
        <div>
          <dt>Largest</dt>
          <dd>{g.gift_count ? formatMoney(g.largest_gift) : '—'}</dd>
        </div>
        <div>
          <dt>Soft credits</dt>
          <dd>{formatMoney((g as { soft_credit?: Giving['lifetime'] }).soft_credit ?? null)}</dd>
        </div>
        <div>
          <dt>First gift</dt>
          <dd>
            {g.first_gift_on ? `${formatMoney(g.first_gift)} on ${formatDate(g.first_gift_on)}` : '—'}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ContactCard({ record: full, onChanged }: { record: ConstituentDetail; onChanged(): void }) {
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
      <h2 id="contact">Contact</h2>
      {!hasAny && <Empty>No email, phone or address.</Empty>}
      <ul className="plain-list">
        {record.emails.map((e) => (
          <li key={`e${e.id}`}>
            <a href={`mailto:${e.email}`}>{e.email}</a> <span className="muted">{e.kind}{e.is_primary ? ', primary' : ''}</span>
          </li>
        ))}
        {record.phones.map((p) => (
          <li key={`p${p.id}`}>
            {p.phone} <span className="muted">{p.kind}{p.is_primary ? ', primary' : ''}</span>
          </li>
        ))}
        {record.addresses.map((a) => (
          <li key={`a${a.id}`}>
            {[a.line1, a.line2, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(', ')}{' '}
            <span className="muted">{a.kind}</span>
          </li>
        ))}
      </ul>
      {record.members.length > 0 && (
        <>
          <h3>Members</h3>
          <ul className="plain-list">
            {record.members.map((m) => (
              <li key={m.member_id}>
                <Link to={`/constituents/${m.member_id}`}>{m.member_name}</Link> <span className="muted">{m.role}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <TagEditor constituentId={record.id} tags={record.tags} onChanged={onChanged} />
    </section>
  );
}

function Relationships({ record }: { record: ConstituentDetail }) {
  const list = ((record as { relationships?: Relationship[] }).relationships ?? []).filter((r) => !r.ended_on);
  return (
    <section className="card" aria-labelledby="relationships">
      <h2 id="relationships">Relationships</h2>
      {list.length === 0 ? (
        <Empty>No relationships.</Empty>
      ) : (
        <ul className="plain-list" data-testid="relationships">
          {list.map((r) => (
            <li key={r.id}>
              <Link to={`/constituents/${r.related_id}`}>{r.related_name}</Link> <span className="muted">{r.type.replace(/_/g, ' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GiftList({ constituentId }: { constituentId: number }) {
  const [load, retry] = useLoad(
    async (signal) => {
      const [gifts, funds] = await Promise.all([
        get<Page<Gift>>(apiPath('/gifts', { constituent_id: constituentId, limit: 100 }), signal),
        get<Page<Fund>>(apiPath('/funds', { limit: 500 }), signal),
      ]);
      return { gifts: gifts.items, funds: new Map(funds.items.map((f) => [f.id, f.name])) };
    },
    [constituentId],
  );
  return (
    <section className="card" aria-labelledby="gifts">
      <h2 id="gifts">Gifts</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {({ gifts, funds }) =>
            gifts.length === 0 ? (
              <Empty>No gifts yet.</Empty>
            ) : (
              <table className="table" data-testid="gift-list">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" className="numeric">
                      Amount
                    </th>
                    <th scope="col">Fund</th>
                    <th scope="col">Method</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {[...gifts]
                    .sort((a, b) => b.received_on.localeCompare(a.received_on) || b.id - a.id)
                    .map((g) => (
                      <tr key={g.id}>
                        <td>{formatDate(g.received_on)}</td>
                        <td className="numeric">{formatMoney(g.amount)}</td>
                        <td>{g.allocations.map((a) => funds.get(a.fund_id) ?? `#${a.fund_id}`).join(', ')}</td>
                        <td>{g.payment_method}</td>
                        <td>{g.status.replace('_', ' ')}</td>
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
