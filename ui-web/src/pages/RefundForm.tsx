// Refund a gift (full or partial, with a reason) from the constituent page's gift list.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, post } from '../api/client';
import type { Gift, Money } from '../api/types';
import { FormError, TextField } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { formatMinor, formatMoney, today } from '../lib/format';
import { refundableMinor, refundBody } from '../lib/refund';

export type RefundableGift = Gift & { refunded?: Money | null };

export function RefundForm({ gift, onDone }: { gift: RefundableGift; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  const [full, setFull] = useState(true);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const left = refundableMinor(gift.amount, gift.refunded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = refundBody(gift, { full, amount, date, reason });
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, t(v, { max: formatMinor(left, gift.amount.currency) })])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await post(apiPath(`/gifts/${gift.id}/refund`), r.body);
      onDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(Object.fromEntries(err.errors.map((f) => [f.field.split('.')[0], f.message])));
      } else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label={t('refund.title')}>
      <h3>
        {t('refund.heading', { amount: formatMoney(gift.amount) })}
        {gift.refunded && gift.refunded.minor > 0 && <span className="muted"> · {t('refund.already', { amount: formatMoney(gift.refunded) })}</span>}
      </h3>
      <fieldset className="radio-row">
        <legend>{t('refund.how')}</legend>
        <label>
          <input type="radio" name="refund-kind" checked={full} onChange={() => setFull(true)} /> {t('refund.full', { amount: formatMinor(left, gift.amount.currency) })}
        </label>
        <label>
          <input type="radio" name="refund-kind" checked={!full} onChange={() => setFull(false)} /> {t('refund.partial')}
        </label>
      </fieldset>
      <div className="grid grid-2">
        {!full && (
          <TextField
            label={t('refund.amount', { currency: gift.amount.currency })}
            name="refund_amount"
            inputMode="decimal"
            autoFocus
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.amount}
          />
        )}
        {full && errors.amount && <p className="field-error" role="alert">{errors.amount}</p>}
        <TextField label={t('refund.date')} name="refunded_on" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.refunded_on} />
      </div>
      <TextField label={t('refund.reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={busy}>
          {busy ? t('common.saving') : t('refund.submit')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
