// Fast gift entry, keyboard only: donor (type to find), amount, date, fund, method, notes;
// Enter saves and the form is ready for the next gift (date, fund and method are kept).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, apiPath, errorMessage, get, request } from '../api/client';
import type { Constituent, Fund, Page, Settings } from '../api/types';
import { DonorLookup } from '../components/DonorLookup';
import { FormError, SelectField, TextField } from '../components/Field';
import { Loaded } from '../components/States';
import { amountToMinor, formatMinor, parseAmount, today } from '../lib/format';
import { useLoad } from '../lib/hooks';

const methods = ['cash', 'check', 'card', 'ach', 'wire', 'stock', 'in_kind', 'other'];
const methodLabel: Record<string, string> = {
  cash: 'Cash', check: 'Check', card: 'Card', ach: 'Bank transfer (ACH)', wire: 'Wire', stock: 'Stock', in_kind: 'In kind', other: 'Other',
};

interface Saved {
  id: number;
  donor: Constituent;
  amount: string;
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

export function GiftEntryPage() {
  const [params] = useSearchParams();
  const preset = params.get('constituent');
  const [load, retry] = useLoad(async (signal) => {
    const [funds, settings, donor] = await Promise.all([
      get<Page<Fund>>(apiPath('/funds', { active: 'true', limit: 500 }), signal),
      get<Settings>(apiPath('/settings'), signal),
      preset ? get<Constituent>(apiPath(`/constituents/${preset}`), signal) : Promise.resolve(null),
    ]);
    return { funds: funds.items, currency: String(settings.base_currency ?? 'USD'), donor };
  }, [preset]);
  return (
    <>
      <div className="page-header">
        <h1>New gift</h1>
      </div>
      <Loaded load={load} retry={retry}>
        {(data) => <GiftForm funds={data.funds} currency={data.currency} initialDonor={data.donor} />}
      </Loaded>
    </>
  );
}

function GiftForm({ funds, currency, initialDonor }: { funds: Fund[]; currency: string; initialDonor: Constituent | null }) {
  const [donor, setDonor] = useState<Constituent | null>(initialDonor);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [fundId, setFundId] = useState(funds[0] ? String(funds[0].id) : '');
  const [method, setMethod] = useState('cash');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved[]>([]);
  const idempotency = useRef(newKey());
  const donorInput = useRef<HTMLInputElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialDonor ? amountInput : donorInput).current?.focus();
  }, [initialDonor]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!donor) local.constituent_id = 'Choose the donor from the list.';
    const parsed = parseAmount(amount, currency);
    if ('error' in parsed) local.amount = parsed.error;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local.received_on = 'Enter the date the gift was received.';
    if (!fundId) local.fund_id = 'Choose a fund.';
    setErrors(local);
    setGeneral('');
    if (Object.keys(local).length || 'error' in parsed || !donor) return;
    setBusy(true);
    const money = { amount: parsed.amount, currency };
    try {
      const r = await request<{ id: number }>('POST', apiPath('/gifts'), {
        body: {
          constituent_id: donor.id,
          received_on: date,
          amount: money,
          payment_method: method,
          notes: notes.trim() || undefined,
          allocations: [{ fund_id: Number(fundId), amount: money }],
        },
        headers: { 'Idempotency-Key': idempotency.current },
      });
      idempotency.current = newKey();
      setSaved((s) => [{ id: r.data.id, donor, amount: parsed.amount }, ...s].slice(0, 10));
      setDonor(null);
      setAmount('');
      setNotes('');
      donorInput.current?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        const fields: Record<string, string> = {};
        for (const f of err.errors) {
          const key = f.field.startsWith('allocations') ? 'fund_id' : f.field.split('.')[0];
          fields[key] = f.message;
        }
        setErrors(fields);
      } else {
        setGeneral(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  const total = saved.reduce((sum, s) => sum + amountToMinor(s.amount, currency), 0);
  return (
    <div className="grid grid-entry">
      <form className="card gift-form" onSubmit={save} noValidate aria-label="Gift entry">
        <DonorLookup ref={donorInput} value={donor} onChange={setDonor} error={errors.constituent_id} />
        <div className="grid grid-2">
          <TextField
            ref={amountInput}
            label={`Amount (${currency})`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.amount}
          />
          <TextField label="Date received" name="received_on" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.received_on} />
          <SelectField label="Fund" name="fund_id" value={fundId} onChange={(e) => setFundId(e.target.value)} error={errors.fund_id}>
            {funds.length === 0 && <option value="">No active funds</option>}
            {funds.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name} ({f.code})
              </option>
            ))}
          </SelectField>
          <SelectField label="Method" name="payment_method" value={method} onChange={(e) => setMethod(e.target.value)} error={errors.payment_method}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {methodLabel[m]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label="Notes" name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.notes} />
        <FormError message={general} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save gift'}
          </button>
          <span className="muted">Enter saves; the form is then ready for the next gift.</span>
        </div>
      </form>
      <aside className="card" aria-labelledby="entered">
        <h2 id="entered">Entered this session</h2>
        <p className="stat-line" role="status" aria-live="polite">
          {saved.length} {saved.length === 1 ? 'gift' : 'gifts'}, {formatMinor(total, currency)}
        </p>
        <ul className="plain-list">
          {saved.map((s) => (
            <li key={s.id}>
              <Link to={`/constituents/${s.donor.id}`}>{s.donor.display_name}</Link> · {formatMinor(amountToMinor(s.amount, currency), currency)}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
