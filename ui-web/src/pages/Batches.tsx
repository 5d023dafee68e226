// Batch entry (/batches, /batches/:id): create a batch with its control count and total, or
// open one by number; then enter gifts into it by keyboard with the running count and total
// against the controls, and close it (the server refuses when they differ: its message shows).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, apiPath, errorMessage, get, post } from '../api/client';
import type { Gift, Money, Page, Settings } from '../api/types';
import { FormError, TextField } from '../components/Field';
import { Empty, Loaded } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { batchBalance, checkBatchForm } from '../lib/batch';
import { formatDate, formatInstant, formatMinor, formatMoney, parseAmount } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { canChangeDonors, useSession } from '../session/session';
import { loadGiftEntryData, type GiftEntryData } from './GiftEntry';
import { BatchList } from './BatchList';
import { GiftForm } from './GiftForm';

export interface Batch {
  id: number;
  name: string;
  status: 'open' | 'closed' | string;
  expected_count: number;
  expected_total: Money;
  actual_count: number;
  actual_total: Money;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
}

export function BatchesPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <div className="page-header">
        <h1>{t('batch.title')}</h1>
      </div>
      <p className="muted">{t('batch.intro')}</p>
      <div className="grid grid-2">
        {canChangeDonors(session.user) && <NewBatch />}
        <OpenBatch />
      </div>
      <BatchList />
    </>
  );
}

function NewBatch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [load] = useLoad((signal) => get<Settings>(apiPath('/settings'), signal), []);
  const currency = load.state === 'ready' ? String(load.data.base_currency ?? 'USD') : 'USD';
  const [name, setName] = useState('');
  const [count, setCount] = useState('');
  const [total, setTotal] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    for (const [k, v] of Object.entries(checkBatchForm(name, count))) local[k] = t(v);
    const parsed = parseAmount(total, currency);
    if ('error' in parsed) local.expected_total = t(parsed.code, { currency });
    setErrors(local);
    setGeneral('');
    if (Object.keys(local).length || 'error' in parsed) return;
    setBusy(true);
    try {
      const b = await post<Batch>(apiPath('/batches'), {
        name: name.trim(),
        expected_count: Number(count),
        expected_total: { amount: parsed.amount, currency },
      });
      navigate(`/batches/${b.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(Object.fromEntries(err.errors.map((f) => [f.field.split('.')[0], f.message])));
      } else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('batch.new')}>
      <h2>{t('batch.new')}</h2>
      <TextField label={t('batch.name')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <div className="grid grid-2">
        <TextField label={t('batch.controlCount')} name="expected_count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} error={errors.expected_count} />
        <TextField
          label={t('batch.controlTotal', { currency })}
          name="expected_total"
          inputMode="decimal"
          value={total}
          onChange={(e) => setTotal(e.target.value)}
          error={errors.expected_total}
        />
      </div>
      <FormError message={general} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('batch.create')}
      </button>
    </form>
  );
}

function OpenBatch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="card"
      aria-label={t('batch.open')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d+$/.test(id.trim())) {
          setError(t('batch.numberInvalid'));
          return;
        }
        navigate(`/batches/${id.trim()}`);
      }}
    >
      <h2>{t('batch.open')}</h2>
      <TextField label={t('batch.number')} name="batch_id" inputMode="numeric" value={id} onChange={(e) => setId(e.target.value)} error={error} />
      <button type="submit" className="button">
        {t('batch.openButton')}
      </button>
    </form>
  );
}

export function BatchPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [load, reload] = useLoad(async (signal) => {
    const [batch, gifts, entry] = await Promise.all([
      get<Batch>(apiPath(`/batches/${id}`), signal),
      get<Page<Gift>>(apiPath('/gifts', { batch_id: id, limit: 500 }), signal),
      loadGiftEntryData(signal),
    ]);
    return { batch, gifts: gifts.items, entry };
  }, [id]);
  return (
    <Loaded load={load} retry={reload}>
      {(initial) => (
        <>
          <BatchView key={initial.batch.id} initial={initial} reload={reload} />
          <p className="muted">{t('batch.keyboardHint')}</p>
        </>
      )}
    </Loaded>
  );
}

interface BatchData {
  batch: Batch;
  gifts: Gift[];
  entry: GiftEntryData;
}

// The batch with its entry form; after each gift the totals and list refresh quietly (the form
// stays, keeping its date, funds and method).
function BatchView({ initial, reload }: { initial: BatchData; reload(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [batch, setBatch] = useState(initial.batch);
  const [gifts, setGifts] = useState(initial.gifts);
  const [names, setNames] = useState<Record<number, string>>({});
  async function refresh() {
    try {
      const [b, g] = await Promise.all([
        get<Batch>(apiPath(`/batches/${batch.id}`)),
        get<Page<Gift>>(apiPath('/gifts', { batch_id: batch.id, limit: 500 })),
      ]);
      setBatch(b);
      setGifts(g.items);
    } catch {
      reload();
    }
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('batch.heading', { id: batch.id, name: batch.name })}</h1>
          <p className="subtitle">
            {batch.status === 'open' ? t('batch.statusOpen') : t('batch.statusClosed', { date: formatInstant(batch.closed_at) })}
          </p>
        </div>
        <Link className="button" to="/batches">
          {t('batch.all')}
        </Link>
      </div>
      <div className="grid grid-entry">
        {batch.status === 'open' && canChangeDonors(session.user) ? (
          <GiftForm
            data={initial.entry}
            initialDonor={null}
            batchId={batch.id}
            onSaved={(g) => {
              setNames((n) => ({ ...n, [g.id]: g.donor.display_name }));
              void refresh();
            }}
          />
        ) : (
          <Empty>{t('batch.closedNoEntry')}</Empty>
        )}
        <BatchTotals batch={batch} onClosed={() => void refresh()} />
      </div>
      <section className="card" aria-labelledby="batch-gifts">
        <h2 id="batch-gifts">{t('batch.gifts')}</h2>
        {gifts.length === 0 ? (
          <Empty>{t('batch.noGifts')}</Empty>
        ) : (
          <table className="table" data-testid="batch-gifts">
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('gift.donor')}</th>
                <th scope="col" className="numeric">
                  {t('common.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {gifts.map((g) => (
                <tr key={g.id}>
                  <td>{formatDate(g.received_on)}</td>
                  <td>
                    <Link to={`/constituents/${g.constituent_id}`}>{names[g.id] ?? `#${g.constituent_id}`}</Link>
                  </td>
                  <td className="numeric">{formatMoney(g.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function BatchTotals({ batch, onClosed }: { batch: Batch; onClosed(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const currency = batch.expected_total.currency;
  const balance = batchBalance({
    expectedCount: batch.expected_count,
    expectedMinor: batch.expected_total.minor,
    actualCount: batch.actual_count,
    actualMinor: batch.actual_total.minor,
  });
  async function close() {
    setBusy(true);
    setMessage('');
    try {
      await post(apiPath(`/batches/${batch.id}/close`));
      onClosed();
    } catch (err) {
      setMessage(err instanceof ApiError && err.detail ? err.detail : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <aside className="card" aria-labelledby="batch-totals">
      <h2 id="batch-totals">{t('batch.totals')}</h2>
      <dl className="stats" data-testid="batch-totals">
        <div>
          <dt>{t('batch.entered')}</dt>
          <dd role="status" aria-live="polite" data-testid="batch-running">
            {t('batch.running', { count: batch.actual_count, expected: batch.expected_count, total: formatMoney(batch.actual_total), expectedTotal: formatMoney(batch.expected_total) })}
          </dd>
        </div>
        <div>
          <dt>{t('batch.difference')}</dt>
          <dd className={balance.balanced ? 'split-ok' : 'split-off'} data-testid="batch-balance">
            {balance.balanced
              ? t('batch.balanced')
              : t('batch.off', { count: balance.countLeft, total: formatMinor(balance.minorLeft, currency) })}
          </dd>
        </div>
      </dl>
      {batch.status === 'open' && canChangeDonors(session.user) && (
        <button type="button" className="button" onClick={close} disabled={busy}>
          {t('batch.close')}
        </button>
      )}
      <FormError message={message} />
    </aside>
  );
}
