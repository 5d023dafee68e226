// Create and edit campaigns and appeals (goal, dates, active). Edits send the ETag read just
// before (a 412 says someone else changed it).
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, post, request } from '../api/client';
import type { Appeal, Campaign } from '../api/crm';
import { FormError, SelectField, TextArea, TextField } from '../components/Field';
import { Loading } from '../components/States';
import { useI18n } from '../i18n/i18n';
import { appealBody, campaignBody, type CampaignForm, type FormErrors } from '../lib/forms';

export const channels = ['mail', 'email', 'event', 'online', 'phone', 'other'];

function apiErrors(err: unknown): FormErrors | null {
  if (err instanceof ApiError && err.errors.length) return Object.fromEntries(err.errors.map((f) => [f.field.split('.')[0], f.message]));
  return null;
}

// Loads the record with its ETag when editing.
function useRecord<T>(path: string | null): { record: T | null; etag: string | null; error: unknown; ready: boolean } {
  const [state, setState] = useState<{ record: T | null; etag: string | null; error: unknown; ready: boolean }>({ record: null, etag: null, error: null, ready: path === null });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    request<T>('GET', path, { signal: controller.signal }).then(
      (r) => setState({ record: r.data, etag: r.etag, error: null, ready: true }),
      (error) => {
        if (!controller.signal.aborted) setState({ record: null, etag: null, error, ready: true });
      },
    );
    return () => controller.abort();
  }, [path]);
  return state;
}

export function CampaignEditor({ id, currency, onDone }: { id: number | null; currency: string; onDone(changed: boolean): void }) {
  const { t, tx } = useI18n();
  const loaded = useRecord<Campaign>(id ? apiPath(`/campaigns/${id}`) : null);
  const [form, setForm] = useState<CampaignForm | null>(id ? null : { code: '', name: '', description: '', goal: '', startsOn: '', endsOn: '', active: true });
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const c = loaded.record;
    if (c) setForm({ code: c.code, name: c.name, description: c.description ?? '', goal: c.goal?.amount ?? '', startsOn: c.starts_on ?? '', endsOn: c.ends_on ?? '', active: c.active });
  }, [loaded.record]);
  if (!loaded.ready || !form) return loaded.error ? <FormError message={errorMessage(loaded.error)} /> : <Loading />;
  const cur = loaded.record?.currency ?? currency;
  const set = (patch: Partial<CampaignForm>) => setForm((f) => (f ? { ...f, ...patch } : f));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const r = campaignBody(form, cur);
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v, { currency: cur })])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (id) await request('PUT', apiPath(`/campaigns/${id}`), { body: r.body, headers: loaded.etag ? { 'If-Match': loaded.etag } : {} });
      else await post(apiPath('/campaigns'), r.body);
      onDone(true);
    } catch (err) {
      const fe = apiErrors(err);
      if (fe) setErrors(fe);
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const title = id ? t('campaign.edit') : t('campaign.new');
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="grid grid-2">
        <TextField label={t('common.code')} name="code" value={form.code} onChange={(e) => set({ code: e.target.value })} error={errors.code} autoFocus />
        <TextField label={t('common.name')} name="name" value={form.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} />
        <TextField label={t('campaign.goal', { currency: cur })} name="goal" inputMode="decimal" value={form.goal} onChange={(e) => set({ goal: e.target.value })} error={errors.goal} hint={t('campaign.goalHint')} />
        <label className="checkbox">
          <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> {t('campaign.active')}
        </label>
        <TextField label={t('campaign.starts')} name="starts_on" type="date" value={form.startsOn} onChange={(e) => set({ startsOn: e.target.value })} error={errors.starts_on} />
        <TextField label={t('campaign.ends')} name="ends_on" type="date" value={form.endsOn} onChange={(e) => set({ endsOn: e.target.value })} error={errors.ends_on} />
      </div>
      <TextArea label={t('campaign.description')} name="description" value={form.description} onChange={(e) => set({ description: e.target.value })} error={errors.description} />
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

interface AppealFormState {
  code: string;
  name: string;
  channel: string;
  goal: string;
  startsOn: string;
  endsOn: string;
}

export function AppealEditor({ campaign, id, onDone }: { campaign: Campaign; id: number | null; onDone(changed: boolean): void }) {
  const { t, tx } = useI18n();
  const loaded = useRecord<Appeal & { starts_on?: string | null; ends_on?: string | null }>(id ? apiPath(`/appeals/${id}`) : null);
  const [form, setForm] = useState<AppealFormState | null>(id ? null : { code: '', name: '', channel: 'mail', goal: '', startsOn: '', endsOn: '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  useEffect(() => {
    const a = loaded.record;
    if (a) setForm({ code: a.code, name: a.name, channel: a.channel, goal: a.goal?.amount ?? '', startsOn: a.starts_on ?? '', endsOn: a.ends_on ?? '' });
  }, [loaded.record]);
  if (!loaded.ready || !form) return loaded.error ? <FormError message={errorMessage(loaded.error)} /> : <Loading />;
  const set = (patch: Partial<AppealFormState>) => setForm((f) => (f ? { ...f, ...patch } : f));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const r = appealBody(form, campaign.currency);
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v, { currency: campaign.currency })])));
      return;
    }
    setErrors({});
    try {
      if (id) await request('PUT', apiPath(`/appeals/${id}`), { body: r.body, headers: loaded.etag ? { 'If-Match': loaded.etag } : {} });
      else await post(apiPath(`/campaigns/${campaign.id}/appeals`), r.body);
      onDone(true);
    } catch (err) {
      const fe = apiErrors(err);
      if (fe) setErrors(fe);
      else setGeneral(errorMessage(err));
    }
  }
  const title = id ? t('appeal.edit') : t('appeal.new');
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="grid grid-3">
        <TextField label={t('common.code')} value={form.code} onChange={(e) => set({ code: e.target.value })} error={errors.code} autoFocus />
        <TextField label={t('common.name')} value={form.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} />
        <SelectField label={t('appeal.channel')} value={form.channel} onChange={(e) => set({ channel: e.target.value })} error={errors.channel}>
          {channels.map((c) => (
            <option key={c} value={c}>
              {tx(`channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('campaign.goal', { currency: campaign.currency })} inputMode="decimal" value={form.goal} onChange={(e) => set({ goal: e.target.value })} error={errors.goal} />
        <TextField label={t('campaign.starts')} type="date" value={form.startsOn} onChange={(e) => set({ startsOn: e.target.value })} error={errors.starts_on} />
        <TextField label={t('campaign.ends')} type="date" value={form.endsOn} onChange={(e) => set({ endsOn: e.target.value })} error={errors.ends_on} />
      </div>
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary button-small">
          {t('common.save')}
        </button>
        <button type="button" className="button button-small" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
