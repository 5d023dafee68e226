// Editing contact points on the constituent page: emails, phones and addresses (add, change,
// remove, make primary; each PUT carries the contact's own ETag) and the contact permissions
// (do not email / mail / call: a PUT of the constituent with its ETag).
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, del, errorMessage, post, request } from '../api/client';
import type { Address, ConstituentDetail, Email, Phone } from '../api/types';
import { FormError, SelectField, TextField } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { addressBody, emailBody, phoneBody, type AddressForm, type FormErrors } from '../lib/forms';

type WithEtag<T> = T & { etag?: string };
type Kind = 'emails' | 'phones' | 'addresses';

function fieldErrors(err: unknown): FormErrors | null {
  if (err instanceof ApiError && err.errors.length) return Object.fromEntries(err.errors.map((f) => [f.field, f.message]));
  return null;
}

export function ContactEditor({ record, etag, onChanged }: { record: ConstituentDetail; etag: string | null; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="contact-edit">
      <h2 id="contact-edit">{t('contact.editTitle')}</h2>
      <Permissions record={record} etag={etag} onChanged={onChanged} />
      <h3>{t('contact.emails')}</h3>
      <ul className="plain-list">
        {(record.emails ?? []).map((e) => (
          <ContactRow key={e.id} kind="emails" record={record} item={e as WithEtag<Email>} label={e.email} onChanged={onChanged} />
        ))}
      </ul>
      <PointForm kind="emails" record={record} onChanged={onChanged} />
      <h3>{t('contact.phones')}</h3>
      <ul className="plain-list">
        {(record.phones ?? []).map((p) => (
          <ContactRow key={p.id} kind="phones" record={record} item={p as WithEtag<Phone>} label={p.phone} onChanged={onChanged} />
        ))}
      </ul>
      <PointForm kind="phones" record={record} onChanged={onChanged} />
      <h3>{t('contact.addresses')}</h3>
      <ul className="plain-list">
        {(record.addresses ?? []).map((a) => (
          <ContactRow
            key={a.id}
            kind="addresses"
            record={record}
            item={a as WithEtag<Address>}
            label={[a.line1, a.line2, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(', ')}
            onChanged={onChanged}
          />
        ))}
      </ul>
      <AddressFormView record={record} onChanged={onChanged} />
    </section>
  );
}

function Permissions({ record, etag, onChanged }: { record: ConstituentDetail; etag: string | null; onChanged(): void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const flags = ['do_not_email', 'do_not_mail', 'do_not_call'] as const;
  // Shown at once; put back when the server refuses.
  const [shown, setShown] = useState<Record<string, boolean>>(() => Object.fromEntries(flags.map((f) => [f, Boolean(record[f])])));
  async function set(flag: (typeof flags)[number], value: boolean) {
    setMessage('');
    setShown((s) => ({ ...s, [flag]: value }));
    try {
      await request('PUT', apiPath(`/constituents/${record.id}`), {
        body: { ...record, ...shown, [flag]: value },
        headers: etag ? { 'If-Match': etag } : {},
      });
      onChanged();
    } catch (err) {
      setShown((s) => ({ ...s, [flag]: !value }));
      setMessage(errorMessage(err));
    }
  }
  return (
    <fieldset className="checkbox-row">
      <legend>{t('contact.permissions')}</legend>
      {flags.map((flag) => (
        <label key={flag}>
          <input type="checkbox" checked={shown[flag]} onChange={(e) => void set(flag, e.target.checked)} /> {t(`contact.${flag}`)}
        </label>
      ))}
      <FormError message={message} />
    </fieldset>
  );
}

function ContactRow({
  kind,
  record,
  item,
  label,
  onChanged,
}: {
  kind: Kind;
  record: ConstituentDetail;
  item: WithEtag<Email | Phone | Address>;
  label: string;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const path = apiPath(`/constituents/${record.id}/${kind}/${item.id}`);
  async function makePrimary() {
    setMessage('');
    try {
      const { id: _id, etag: _etag, ...rest } = item as WithEtag<Email> & Record<string, unknown>;
      void _id;
      void _etag;
      await request('PUT', path, { body: { ...pick(kind, rest), is_primary: true }, headers: item.etag ? { 'If-Match': item.etag } : {} });
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  async function remove() {
    setMessage('');
    try {
      await del(path);
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  return (
    <li className="contact-row">
      <span>
        {label} <span className="muted">{item.kind}</span>
        {item.is_primary && <span className="tag">{t('contact.primary')}</span>}
      </span>
      <span className="row-actions">
        {!item.is_primary && (
          <button type="button" className="button button-small" onClick={() => void makePrimary()}>
            {t('contact.makePrimary')}
            <span className="visually-hidden"> {label}</span>
          </button>
        )}
        {kind !== 'addresses' && (
          <button type="button" className="button button-small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            {t('common.edit')}
            <span className="visually-hidden"> {label}</span>
          </button>
        )}
        <button type="button" className="button button-small button-quiet" onClick={() => void remove()}>
          {t('common.remove')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </span>
      {editing && kind !== 'addresses' && (
        <PointForm
          kind={kind}
          record={record}
          existing={item as WithEtag<Email | Phone>}
          onChanged={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      <FormError message={message} />
    </li>
  );
}

// The request fields of a contact kind, from a GET item.
function pick(kind: Kind, item: Record<string, unknown>): Record<string, unknown> {
  const keys =
    kind === 'emails'
      ? ['email', 'kind', 'is_primary']
      : kind === 'phones'
        ? ['phone', 'kind', 'is_primary']
        : ['kind', 'line1', 'line2', 'line3', 'city', 'region', 'postal_code', 'country', 'is_primary', 'undeliverable'];
  return Object.fromEntries(keys.filter((k) => k in item).map((k) => [k, item[k]]));
}

function PointForm({
  kind,
  record,
  existing,
  onChanged,
}: {
  kind: 'emails' | 'phones';
  record: ConstituentDetail;
  existing?: WithEtag<Email | Phone>;
  onChanged(): void;
}) {
  const { t, tx } = useI18n();
  const initialValue = existing ? ('email' in existing ? existing.email : existing.phone) : '';
  const [value, setValue] = useState(initialValue);
  const [pointKind, setPointKind] = useState(existing?.kind ?? (kind === 'emails' ? 'home' : 'mobile'));
  const [primary, setPrimary] = useState(existing?.is_primary ?? false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  const field = kind === 'emails' ? 'email' : 'phone';
  const kinds = kind === 'emails' ? ['home', 'work', 'other'] : ['mobile', 'home', 'work', 'other'];
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = kind === 'emails' ? emailBody({ email: value, kind: pointKind, isPrimary: primary }) : phoneBody({ phone: value, kind: pointKind, isPrimary: primary });
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v)])));
      return;
    }
    setErrors({});
    try {
      if (existing) {
        await request('PUT', apiPath(`/constituents/${record.id}/${kind}/${existing.id}`), {
          body: r.body,
          headers: existing.etag ? { 'If-Match': existing.etag } : {},
        });
      } else {
        await post(apiPath(`/constituents/${record.id}/${kind}`), r.body);
        setValue('');
        setPrimary(false);
      }
      onChanged();
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe) setErrors(fe);
      else setGeneral(errorMessage(err));
    }
  }
  const label = existing ? t(kind === 'emails' ? 'contact.changeEmail' : 'contact.changePhone') : t(kind === 'emails' ? 'contact.addEmail' : 'contact.addPhone');
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={label}>
      <div className="grid grid-3">
        <TextField
          label={t(kind === 'emails' ? 'contact.email' : 'contact.phone')}
          name={field}
          type={kind === 'emails' ? 'email' : 'tel'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errors[field]}
        />
        <SelectField label={t('contact.kind')} value={pointKind} onChange={(e) => setPointKind(e.target.value)} error={errors.kind}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tx(`contactKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} /> {t('contact.primary')}
        </label>
      </div>
      <FormError message={general} />
      <button type="submit" className="button button-small">
        {label}
      </button>
    </form>
  );
}

const emptyAddress: AddressForm = { kind: 'home', line1: '', line2: '', city: '', region: '', postalCode: '', country: '', isPrimary: false };

function AddressFormView({ record, onChanged }: { record: ConstituentDetail; onChanged(): void }) {
  const { t, tx } = useI18n();
  const [form, setForm] = useState<AddressForm>(emptyAddress);
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  const set = (patch: Partial<AddressForm>) => setForm((f) => ({ ...f, ...patch }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = addressBody(form);
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v)])));
      return;
    }
    setErrors({});
    try {
      await post(apiPath(`/constituents/${record.id}/addresses`), r.body);
      setForm(emptyAddress);
      onChanged();
    } catch (err) {
      const fe = fieldErrors(err);
      if (fe) setErrors(fe);
      else setGeneral(errorMessage(err));
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('contact.addAddress')}>
      <div className="grid grid-3">
        <TextField label={t('contact.line1')} value={form.line1} onChange={(e) => set({ line1: e.target.value })} error={errors.line1} />
        <TextField label={t('contact.line2')} value={form.line2} onChange={(e) => set({ line2: e.target.value })} error={errors.line2} />
        <TextField label={t('contact.city')} value={form.city} onChange={(e) => set({ city: e.target.value })} error={errors.city} />
        <TextField label={t('contact.region')} value={form.region} onChange={(e) => set({ region: e.target.value })} error={errors.region} />
        <TextField label={t('contact.postalCode')} value={form.postalCode} onChange={(e) => set({ postalCode: e.target.value })} error={errors.postal_code} />
        <TextField label={t('contact.country')} hint={t('contact.countryHint')} maxLength={2} value={form.country} onChange={(e) => set({ country: e.target.value })} error={errors.country} />
        <label className="checkbox">
          <input type="checkbox" checked={form.isPrimary} onChange={(e) => set({ isPrimary: e.target.checked })} /> {t('contact.primary')}
        </label>
      </div>
      <FormError message={general} />
      <button type="submit" className="button button-small">
        {t('contact.addAddress')}
      </button>
    </form>
  );
}
