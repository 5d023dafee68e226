// Settings (/admin/settings): organisation name, base currency, fiscal year start month.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, request } from '../../api/client';
import { FormError, SelectField, TextField } from '../../components/Field';
import { Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { settingsBody, type FormErrors } from '../../lib/forms';
import { useLoad } from '../../lib/hooks';

interface SettingsAnswer {
  organization_name: string;
  base_currency: string;
  fiscal_year_start_month: number;
}

export function SettingsPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad(async (signal) => {
    const r = await request<SettingsAnswer>('GET', apiPath('/settings'), { signal });
    return { settings: r.data, etag: r.etag };
  }, []);
  return (
    <>
      <div className="page-header">
        <h1>{t('admin.settings')}</h1>
      </div>
      <Loaded load={load} retry={retry}>
        {(s) => <SettingsForm initial={s.settings} etag={s.etag} />}
      </Loaded>
    </>
  );
}

// The PUT sends the ETag of the settings it read (a 412 means someone else saved meanwhile).
function SettingsForm({ initial, etag: firstEtag }: { initial: SettingsAnswer; etag: string | null }) {
  const [etag, setEtag] = useState(firstEtag);
  const { t, tx, locale } = useI18n();
  const [form, setForm] = useState({ organizationName: initial.organization_name ?? '', currency: initial.base_currency ?? 'USD', fiscalStart: String(initial.fiscal_year_start_month ?? 1) });
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m - 1, 1)));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = settingsBody(form);
    setGeneral('');
    setSaved(false);
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v)])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await request<SettingsAnswer>('PUT', apiPath('/settings'), { body: r.body, headers: etag ? { 'If-Match': etag } : {} });
      setEtag(saved.etag);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(Object.fromEntries(err.errors.map((f) => [f.field, f.message])));
      else setGeneral(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('admin.settings')}>
      <TextField label={t('settings.organization')} name="organization_name" value={form.organizationName} onChange={(e) => set({ organizationName: e.target.value })} error={errors.organization_name} />
      <div className="grid grid-2">
        <TextField
          label={t('settings.currency')}
          name="base_currency"
          maxLength={3}
          hint={t('settings.currencyHint')}
          value={form.currency}
          onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
          error={errors.base_currency}
        />
        <SelectField label={t('settings.fiscalStart')} name="fiscal_year_start_month" value={form.fiscalStart} onChange={(e) => set({ fiscalStart: e.target.value })} error={errors.fiscal_year_start_month}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {monthName(m)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {saved && (
          <span role="status" className="muted">
            {t('settings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
