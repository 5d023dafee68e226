// Plugins (/admin/plugins): the installed plugins with their state; install one by uploading
// its file; enable, disable, approve a changed file, configure (a form generated from the
// manifest's config schema, plus the isolation mode) and remove.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, apiPath, del, errorMessage, get, post, request } from '../../api/client';
import { FormError, SelectField, TextField } from '../../components/Field';
import { Empty, Loaded, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { bytesToBase64, configFields, configToForm, formToConfig, parseSchema, type ConfigField } from '../../lib/configForm';
import { formatInstant } from '../../lib/format';
import { useLoad } from '../../lib/hooks';

export interface Plugin {
  id: string;
  kind: string;
  version: string;
  name: string;
  file_name: string;
  sha256: string;
  enabled: boolean;
  config: Record<string, unknown> | null;
  isolation: 'in_process' | 'isolated';
  state: 'installed' | 'enabled' | 'failing' | 'missing' | 'changed';
  last_error: string | null;
  installed_by: string;
  installed_at: string;
  manifest?: { config_schema?: string; description?: string; [key: string]: unknown };
  load_problem?: string | null;
}

export function PluginsPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<{ items: Plugin[] }>(apiPath('/plugins'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('admin.plugins')}</h1>
      </div>
      <Install onInstalled={retry} />
      <Loaded load={load} retry={retry}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('plugins.none')}</Empty>
          ) : (
            <ul className="needs" data-testid="plugins">
              {items.map((p) => (
                <PluginCard key={p.id} plugin={p} onChanged={retry} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

function Install({ onInstalled }: { onInstalled(): void }) {
  const { t } = useI18n();
  const file = useRef<HTMLInputElement>(null);
  const [isolation, setIsolation] = useState('isolated');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setDone('');
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError(t('plugins.chooseFile'));
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const p = await post<Plugin>(apiPath('/plugins'), { file_name: chosen.name, content_base64: bytesToBase64(bytes), isolation });
      setDone(t('plugins.installed', { name: p.name, version: p.version }));
      if (file.current) file.current.value = '';
      onInstalled();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('plugins.install')}>
      <h2>{t('plugins.install')}</h2>
      <div className="grid grid-2">
        <div className={`field ${error ? 'field-invalid' : ''}`}>
          <label htmlFor="plugin-file">{t('plugins.file')}</label>
          <input id="plugin-file" ref={file} type="file" accept=".so" aria-describedby="plugin-file-hint" />
          <div className="field-hint" id="plugin-file-hint">
            {t('plugins.fileHint')}
          </div>
        </div>
        <SelectField label={t('plugins.isolation')} value={isolation} onChange={(e) => setIsolation(e.target.value)}>
          <option value="isolated">{t('plugins.isolated')}</option>
          <option value="in_process">{t('plugins.inProcess')}</option>
        </SelectField>
      </div>
      <FormError message={error} />
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('plugins.installing') : t('plugins.installButton')}
      </button>
    </form>
  );
}

function PluginCard({ plugin: p, onChanged }: { plugin: Plugin; onChanged(): void }) {
  const { t, tx } = useI18n();
  const [configuring, setConfiguring] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setMessage('');
    try {
      await action();
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const path = apiPath(`/plugins/${encodeURIComponent(p.id)}`);
  return (
    <li className="card" data-testid={`plugin-${p.id}`}>
      <div className="need-head">
        <h2>
          {p.name} <span className="muted">{p.id} {p.version}</span>
        </h2>
        <span className={`tag ${p.state === 'enabled' ? 'tag-ok' : p.state === 'installed' ? '' : 'tag-warn'}`} data-testid="plugin-state">
          {tx(`pluginState.${p.state}`)}
        </span>
      </div>
      <p className="muted">
        {tx(`pluginKind.${p.kind}`)} · {p.file_name} · {tx(`pluginIsolation.${p.isolation}`)} · {t('plugins.installedBy', { who: p.installed_by, when: formatInstant(p.installed_at) })}
      </p>
      {p.state === 'changed' && <p className="form-error">{t('plugins.changed')}</p>}
      {(p.last_error || p.load_problem) && <p className="form-error">{p.last_error || p.load_problem}</p>}
      <div className="actions">
        {p.enabled ? (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => post(`${path}/disable`))}>
            {t('plugins.disable')}
            <span className="visually-hidden"> {p.name}</span>
          </button>
        ) : (
          <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => post(`${path}/enable`))}>
            {t('plugins.enable')}
            <span className="visually-hidden"> {p.name}</span>
          </button>
        )}
        {p.state === 'changed' && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => void run(() => post(`${path}/approve`))}>
            {t('plugins.approve')}
            <span className="visually-hidden"> {p.name}</span>
          </button>
        )}
        <button type="button" className="button button-small" aria-expanded={configuring} onClick={() => setConfiguring((c) => !c)}>
          {t('plugins.configure')}
          <span className="visually-hidden"> {p.name}</span>
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('plugins.removeConfirm', { name: p.name }))) void run(() => del(path));
          }}
        >
          {t('common.remove')}
          <span className="visually-hidden"> {p.name}</span>
        </button>
      </div>
      <FormError message={message} />
      {configuring && (
        <ConfigureForm
          plugin={p}
          onDone={(changed) => {
            setConfiguring(false);
            if (changed) onChanged();
          }}
        />
      )}
    </li>
  );
}

function ConfigureForm({ plugin, onDone }: { plugin: Plugin; onDone(changed: boolean): void }) {
  const { t } = useI18n();
  // The list may omit the manifest: read the one plugin for its config schema.
  const [load] = useLoad((signal) => get<Plugin>(apiPath(`/plugins/${encodeURIComponent(plugin.id)}`), signal), [plugin.id]);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <FormError message={errorMessage(load.error)} />;
  const fields = configFields(parseSchema(load.data.manifest?.config_schema));
  return <ConfigFields plugin={load.data} fields={fields} onDone={onDone} label={t('plugins.configTitle', { name: plugin.name })} />;
}

function ConfigFields({ plugin, fields, onDone, label }: { plugin: Plugin; fields: ConfigField[]; onDone(changed: boolean): void; label: string }) {
  const { t, tx } = useI18n();
  const [values, setValues] = useState(() => configToForm(fields, plugin.config));
  const [isolation, setIsolation] = useState(plugin.isolation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = formToConfig(fields, values);
    setGeneral('');
    if ('errors' in r) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, tx(v.code, 'limit' in v ? { limit: v.limit } : undefined)])));
      return;
    }
    setErrors({});
    try {
      await request('PATCH', apiPath(`/plugins/${encodeURIComponent(plugin.id)}/config`), { body: { config: r.config, isolation } });
      onDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(Object.fromEntries(err.errors.map((f) => [f.field.replace(/^config\./, ''), f.message])));
        if (!err.errors.some((f) => f.field.startsWith('config.'))) setGeneral(errorMessage(err));
      } else setGeneral(errorMessage(err));
    }
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={label}>
      <h3>{label}</h3>
      {fields.length === 0 && <p className="muted">{t('plugins.noSettings')}</p>}
      <div className="grid grid-2">
        {fields.map((f) =>
          f.type === 'boolean' ? (
            <label className="checkbox" key={f.key}>
              <input type="checkbox" checked={values[f.key] === 'true'} onChange={(e) => setValues((v) => ({ ...v, [f.key]: String(e.target.checked) }))} /> {f.title}
            </label>
          ) : f.options ? (
            <SelectField key={f.key} label={f.title} hint={f.description || undefined} value={values[f.key]} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} error={errors[f.key]}>
              {!f.required && <option value="">—</option>}
              {f.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField
              key={f.key}
              label={f.required ? `${f.title} *` : f.title}
              hint={f.description || undefined}
              type={f.secret ? 'password' : 'text'}
              autoComplete="off"
              inputMode={f.type === 'integer' || f.type === 'number' ? 'decimal' : undefined}
              value={values[f.key]}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              error={errors[f.key]}
            />
          ),
        )}
        <SelectField label={t('plugins.isolation')} value={isolation} onChange={(e) => setIsolation(e.target.value as Plugin['isolation'])}>
          <option value="isolated">{t('plugins.isolated')}</option>
          <option value="in_process">{t('plugins.inProcess')}</option>
        </SelectField>
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
