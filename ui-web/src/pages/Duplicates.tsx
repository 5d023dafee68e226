// Duplicates (/duplicates): candidate pairs with score and reasons; compare one pair side by
// side, choose the record to keep and which record's value each field takes, and merge (with
// both records' ETags: a 412 means one changed since it was shown). The survivor is linked.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, errorMessage, get, post, request } from '../api/client';
import type { ConstituentDetail, Page } from '../api/types';
import { FormError } from '../components/Field';
import { Empty, ErrorState, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { formatMoney } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { mergeFields, mergeRequest, type MergeField } from '../lib/merge';
import { canChangeDonors, useSession } from '../session/session';

interface Side {
  id: number;
  display_name: string;
  etag: string;
}

interface Pair {
  position: number;
  first: Side;
  second: Side;
  score: number;
  reasons: string[];
}

export function DuplicatesPage() {
  const { t, tx } = useI18n();
  const [pair, setPair] = useState<Pair | null>(null);
  const [merged, setMerged] = useState<{ id: number; summary: string } | null>(null);
  const [load, retry] = useLoad((signal) => get<Page<Pair>>(apiPath('/duplicates', { limit: 50 }), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('dup.title')}</h1>
      </div>
      {merged && (
        <p className="notice" role="status" data-testid="merged">
          {t('dup.merged')} <Link to={`/constituents/${merged.id}`}>{t('dup.openSurvivor')}</Link> {merged.summary && <span className="muted">{merged.summary}</span>}
        </p>
      )}
      {pair && (
        <Compare
          pair={pair}
          onCancel={() => setPair(null)}
          onMerged={(id, summary) => {
            setPair(null);
            setMerged({ id, summary });
            retry();
          }}
        />
      )}
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('dup.none')}</Empty>
          ) : (
            <table className="table" data-testid="pairs">
              <thead>
                <tr>
                  <th scope="col" className="numeric">{t('dup.score')}</th>
                  <th scope="col">{t('dup.first')}</th>
                  <th scope="col">{t('dup.second')}</th>
                  <th scope="col">{t('dup.why')}</th>
                  <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((p) => (
                  <tr key={p.position}>
                    <td className="numeric">{p.score}</td>
                    <td><Link to={`/constituents/${p.first.id}`}>{p.first.display_name}</Link></td>
                    <td><Link to={`/constituents/${p.second.id}`}>{p.second.display_name}</Link></td>
                    <td>{p.reasons.map((r) => tx(`dupReason.${r}`)).join(', ')}</td>
                    <td>
                      <button type="button" className="button button-small" onClick={() => { setMerged(null); setPair(p); }}>
                        {t('dup.compare')}<span className="visually-hidden"> {t('dup.pairNames', { first: p.first.display_name, second: p.second.display_name })}</span>
                      </button>
                    </td>
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

function Compare({ pair, onCancel, onMerged }: { pair: Pair; onCancel(): void; onMerged(id: number, summary: string): void }) {
  const session = useSession();
  const { t, tx } = useI18n();
  const [survivor, setSurvivor] = useState(pair.first.id);
  const [chosen, setChosen] = useState<Partial<Record<MergeField, number>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [load, retry] = useLoad(async (signal) => {
    const [a, b] = await Promise.all(
      [pair.first.id, pair.second.id].map((id) => request<ConstituentDetail>('GET', apiPath(`/constituents/${id}`), { signal })),
    );
    return { records: [a.data, b.data], etags: { [a.data.id]: a.etag, [b.data.id]: b.etag } as Record<number, string | null> };
  }, [pair.position, pair.first.id, pair.second.id]);
  if (load.state === 'error') return <ErrorState error={load.error} retry={retry} />;
  return (
    <Loaded load={load}>
      {({ records, etags }) => {
        const loser = records.find((r) => r.id !== survivor)!.id;
        const pick = (f: MergeField) => chosen[f] ?? survivor;
        const merge = async () => {
          setBusy(true);
          setError('');
          try {
            const answer = await post<{ survivor_id: number; summary: unknown }>(apiPath('/duplicates/merge'), mergeRequest(survivor, loser, chosen, etags));
            onMerged(answer.survivor_id, typeof answer.summary === 'string' ? answer.summary : '');
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        };
        return (
          <section className="card" aria-labelledby="compare-title">
            <h2 id="compare-title">{t('dup.compareTitle')}</h2>
            <table className="table" data-testid="compare">
              <thead>
                <tr>
                  <th scope="col">{t('dup.field')}</th>
                  {records.map((r) => (
                    <th scope="col" key={r.id}>
                      <label>
                        <input type="radio" name="survivor" checked={survivor === r.id} onChange={() => setSurvivor(r.id)} /> {t('dup.keep', { id: r.id })}
                      </label>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {mergeFields.map((f) => (
                  <tr key={f}>
                    <th scope="row">{tx(`mergeField.${f}`)}</th>
                    {records.map((r) => (
                      <td key={r.id}>
                        <label>
                          <input type="radio" name={`take-${f}`} checked={pick(f) === r.id} onChange={() => setChosen((c) => ({ ...c, [f]: r.id }))} />{' '}
                          {(r[f] as string | null) || <span className="muted">{t('dup.empty')}</span>}
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('dup.lifetime')}</th>
                  {records.map((r) => (
                    <td key={r.id}>{t('dup.lifetimeValue', { amount: formatMoney(r.giving.lifetime), count: r.giving.gift_count })}</td>
                  ))}
                </tr>
              </tbody>
            </table>
            <p className="muted">{t('dup.moves')}</p>
            <FormError message={error} />
            <div className="actions">
              {canChangeDonors(session.user) && (
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void merge()}>
                  {t('dup.mergeInto', { id: survivor })}
                </button>
              )}
              <button type="button" className="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            </div>
          </section>
        );
      }}
    </Loaded>
  );
}
