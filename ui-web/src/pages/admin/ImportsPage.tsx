// Payment imports (/admin/imports): upload a processor export or bank statement, see which
// importer read it and what each row will do, then open it to commit (ImportDetail). Past
// imports are listed below, newest first. Admins only (the server's manage_settings).
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { apiPath, errorMessage, get, postRaw, ApiError } from '../../api/client';
import type { Fund } from '../../api/types';
import { FormError, SelectField } from '../../components/Field';
import { Empty, Loaded } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInstant, formatNumber } from '../../lib/format';
import { useLoad } from '../../lib/hooks';
import { uploadParams, type ImportPreview, type ImportRecord } from '../../lib/imports';
import type { Plugin } from './PluginsPage';

export function ImportsPage() {
  const { t } = useI18n();
  const [load, retry] = useLoad((signal) => get<{ items: ImportRecord[] }>(apiPath('/imports'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('imports.title')}</h1>
      </div>
      <p className="muted">{t('imports.intro')}</p>
      <UploadForm />
      <section className="card" aria-labelledby="imports-past">
        <h2 id="imports-past">{t('imports.past')}</h2>
        <Loaded load={load} retry={retry}>
          {({ items }) => (items.length === 0 ? <Empty>{t('imports.none')}</Empty> : <ImportTable items={items} />)}
        </Loaded>
      </section>
    </>
  );
}

function ImportTable({ items }: { items: ImportRecord[] }) {
  const { t, tx } = useI18n();
  return (
    <div>
      <table className="table" data-testid="imports">
        <thead>
          <tr>
            <th scope="col">{t('imports.number')}</th>
            <th scope="col">{t('imports.file')}</th>
            <th scope="col">{t('imports.importer')}</th>
            <th scope="col">{t('imports.status')}</th>
            <th scope="col" className="numeric">
              {t('imports.rows')}
            </th>
            <th scope="col" className="numeric">
              {t('imports.giftsCreated')}
            </th>
            <th scope="col">{t('imports.when')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/admin/imports/${r.id}`}>#{r.id}</Link>
              </td>
              <td>{r.file_name}</td>
              <td>{r.source || r.plugin_id}</td>
              <td>
                <span className={`tag ${r.status === 'committed' ? 'tag-ok' : r.status === 'failed' ? 'tag-warn' : ''}`}>{tx(`importStatus.${r.status}`)}</span>
              </td>
              <td className="numeric">{formatNumber(r.rows_total)}</td>
              <td className="numeric">{formatNumber(r.gifts_created)}</td>
              <td>
                {formatInstant(r.created_at)} · {r.created_by}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UploadForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const file = useRef<HTMLInputElement>(null);
  const [plugin, setPlugin] = useState('');
  const [policy, setPolicy] = useState<'create' | 'review'>('create');
  const [fund, setFund] = useState('');
  const [fileError, setFileError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [options] = useLoad(
    async (signal) => {
      const [plugins, funds] = await Promise.all([
        get<{ items: Plugin[] }>(apiPath('/plugins'), signal).catch(() => ({ items: [] as Plugin[] })),
        get<{ items: Fund[] }>(apiPath('/funds'), signal).catch(() => ({ items: [] as Fund[] })),
      ]);
      return { importers: plugins.items.filter((p) => p.kind === 'importer' && p.enabled), funds: funds.items.filter((f) => f.active) };
    },
    [],
  );
  const importers = options.state === 'ready' ? options.data.importers : [];
  const funds = options.state === 'ready' ? options.data.funds : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setFileError('');
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setFileError(t('imports.chooseFile'));
      file.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const path = apiPath('/imports', uploadParams({ fileName: chosen.name, plugin, policy, defaultFund: fund, dryRun: false }));
      const preview = await postRaw<ImportPreview>(path, chosen);
      if (preview.import_id) navigate(`/admin/imports/${preview.import_id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fieldMessage('body')) setFileError(err.fieldMessage('body') ?? '');
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('imports.upload')}>
      <h2>{t('imports.upload')}</h2>
      {options.state === 'ready' && importers.length === 0 && <p className="form-error">{t('imports.noImporters')}</p>}
      <div className="grid grid-2">
        <div className={`field ${fileError ? 'field-invalid' : ''}`}>
          <label htmlFor="import-file">{t('imports.fileLabel')}</label>
          <input
            id="import-file"
            ref={file}
            type="file"
            accept=".csv,.txt,.xml,.ofx,.qfx,.tsv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
          />
          <div className="field-hint" id="import-file-hint">
            {t('imports.fileHint')}
          </div>
          {fileError && (
            <div className="field-error" id="import-file-error" role="alert">
              {fileError}
            </div>
          )}
        </div>
        <SelectField label={t('imports.importer')} value={plugin} onChange={(e) => setPlugin(e.target.value)} hint={t('imports.importerHint')}>
          <option value="">{t('imports.detect')}</option>
          {importers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('imports.policy')} value={policy} onChange={(e) => setPolicy(e.target.value as 'create' | 'review')} hint={t('imports.policyHint')}>
          <option value="create">{t('imports.policyCreate')}</option>
          <option value="review">{t('imports.policyReview')}</option>
        </SelectField>
        <SelectField label={t('imports.defaultFund')} value={fund} onChange={(e) => setFund(e.target.value)} hint={t('imports.defaultFundHint')}>
          <option value="">{t('imports.noDefaultFund')}</option>
          {funds.map((f) => (
            <option key={f.id} value={f.code}>
              {f.name} ({f.code})
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={error} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('imports.reading') : t('imports.uploadButton')}
      </button>
    </form>
  );
}
