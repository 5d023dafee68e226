// The gift form itself (used by gift entry and batch entry). Each save sends an
// Idempotency-Key, so a retried request never records the gift twice.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, get, request } from '../api/client';
import type { Appeal } from '../api/crm';
import type { Constituent, Page } from '../api/types';
import { DonorLookup } from '../components/DonorLookup';
import { FormError, SelectField, TextField } from '../components/Field';
import { SplitEditor } from '../components/SplitEditor';
import { TributeFields, tributeBody, type Tribute } from '../components/TributeFields';
import { useI18n } from '../i18n/i18n';
import { amountToMinor, parseAmount, today } from '../lib/format';
import { allocationsBody, checkSplits, type SplitRow } from '../lib/splits';
import type { GiftEntryData } from './GiftEntry';

export const methods = ['cash', 'check', 'card', 'ach', 'wire', 'stock', 'in_kind', 'other'] as const;

export interface SavedGift {
  id: number;
  donor: Constituent;
  amount: string;
  minor: number;
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

// The API's field name of an error, as the form shows it.
function formField(field: string): string {
  if (field.startsWith('allocations')) return 'allocations';
  if (field.startsWith('tribute.')) return field.split('.').slice(0, 2).join('.');
  return field.split('.')[0];
}

interface Props {
  data: GiftEntryData;
  initialDonor: Constituent | null;
  batchId?: number;
  onSaved(gift: SavedGift): void;
}

export function GiftForm({ data, initialDonor, batchId, onSaved }: Props) {
  const { t } = useI18n();
  const { funds, currency, campaigns } = data;
  const [donor, setDonor] = useState<Constituent | null>(initialDonor);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [splits, setSplits] = useState<SplitRow[]>([{ fundId: funds[0] ? String(funds[0].id) : '', amount: '' }]);
  const [method, setMethod] = useState('cash');
  const [campaignId, setCampaignId] = useState('');
  const [appealId, setAppealId] = useState('');
  const [appeals, setAppeals] = useState<Appeal[]>([]);
  const [tribute, setTribute] = useState<Tribute>({ type: '', name: '' });
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const idempotency = useRef(newKey());
  const donorInput = useRef<HTMLInputElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialDonor ? amountInput : donorInput).current?.focus();
  }, [initialDonor]);

  useEffect(() => {
    setAppealId('');
    if (!campaignId) {
      setAppeals([]);
      return;
    }
    const controller = new AbortController();
    get<Page<Appeal>>(apiPath(`/campaigns/${campaignId}/appeals`, { limit: 500 }), controller.signal).then(
      (page) => setAppeals(page.items),
      () => setAppeals([]),
    );
    return () => controller.abort();
  }, [campaignId]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!donor) local.constituent_id = t('gift.chooseDonor');
    const parsed = parseAmount(amount, currency);
    if ('error' in parsed) local.amount = t(parsed.code, { currency });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local.received_on = t('gift.dateMissing');
    if (splits.length === 1 && !splits[0].fundId) local.allocations = t('gift.chooseFundError');
    if (splits.length > 1 && 'amount' in parsed) {
      const check = checkSplits(parsed.amount, splits, currency);
      if (!check.ok) local.allocations = t('gift.splitMustSum');
    }
    if (tribute.type && !tribute.name.trim()) local['tribute.name'] = t('gift.tributeNameMissing');
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
          allocations: allocationsBody(parsed.amount, splits, currency),
          campaign_id: campaignId ? Number(campaignId) : undefined,
          appeal_id: appealId ? Number(appealId) : undefined,
          tribute: tributeBody(tribute),
          batch_id: batchId,
        },
        headers: { 'Idempotency-Key': idempotency.current },
      });
      idempotency.current = newKey();
      onSaved({ id: r.data.id, donor, amount: parsed.amount, minor: amountToMinor(parsed.amount, currency) });
      setDonor(null);
      setAmount('');
      setNotes('');
      setTribute({ type: '', name: '' });
      if (splits.length > 1) setSplits(splits.map((s) => ({ ...s, amount: '' })));
      donorInput.current?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        const fields: Record<string, string> = {};
        for (const f of err.errors) fields[formField(f.field)] = f.message;
        setErrors(fields);
      } else {
        setGeneral(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card gift-form" onSubmit={save} noValidate aria-label={t('gift.formLabel')}>
      <DonorLookup ref={donorInput} value={donor} onChange={setDonor} error={errors.constituent_id} />
      <div className="grid grid-2">
        <TextField
          ref={amountInput}
          label={t('gift.amount', { currency })}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amount}
        />
        <TextField label={t('gift.date')} name="received_on" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.received_on} />
      </div>
      <SplitEditor funds={funds} rows={splits} onChange={setSplits} giftAmount={amount} currency={currency} error={errors.allocations} />
      <div className="grid grid-2">
        <SelectField label={t('gift.method')} name="payment_method" value={method} onChange={(e) => setMethod(e.target.value)} error={errors.payment_method}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('gift.campaign')} name="campaign_id" value={campaignId} onChange={(e) => setCampaignId(e.target.value)} error={errors.campaign_id}>
          <option value="">{t('gift.noCampaign')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.code})
            </option>
          ))}
        </SelectField>
        {campaignId && (
          <SelectField label={t('gift.appeal')} name="appeal_id" value={appealId} onChange={(e) => setAppealId(e.target.value)} error={errors.appeal_id}>
            <option value="">{t('gift.noAppeal')}</option>
            {appeals.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.code})
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TributeFields value={tribute} onChange={setTribute} errors={errors} />
      <TextField label={t('gift.notes')} name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.notes} />
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('gift.save')}
        </button>
        <span className="muted">{t('gift.enterSaves')}</span>
      </div>
    </form>
  );
}
