// Bulk tag on the constituents list: add or remove one tag on every selected row through the
// bulk routes (POST /tags/{id}/members and .../members/remove, 500 constituents a request, each
// request all or nothing), with progress and the rows that failed.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, get, post } from '../api/client';
import { FormError } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { badIndexOf, runBulkChunks, type BulkResult } from '../lib/bulk';

export function BulkTagBar({ selected, onDone, onClear }: { selected: number[]; onDone(): void; onClear(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<(BulkResult & { action: 'add' | 'remove' }) | null>(null);

  async function run(action: 'add' | 'remove') {
    const tag = name.trim();
    setResult(null);
    if (!tag) {
      setError(t('bulk.tagMissing'));
      return;
    }
    setError('');
    let tagId: number | null = null;
    try {
      if (action === 'add') tagId = (await post<{ id: number }>(apiPath('/tags'), { name: tag })).id;
      else {
        const tags = await get<{ items: { id: number; name: string }[] }>(apiPath('/tags'));
        tagId = tags.items.find((x) => x.name === tag)?.id ?? null;
      }
    } catch (e) {
      setError(errorMessage(e));
      return;
    }
    if (tagId === null) {
      setError(t('bulk.tagUnknown', { name: tag }));
      return;
    }
    setProgress(0);
    const path = apiPath(`/tags/${tagId}/members${action === 'remove' ? '/remove' : ''}`);
    const r = await runBulkChunks(
      selected,
      500,
      async (chunk) => {
        await post(path, { constituent_ids: chunk });
      },
      errorMessage,
      (e) => (e instanceof ApiError && e.status === 422 ? badIndexOf(e.errors) : null),
      setProgress,
    );
    setProgress(null);
    setResult({ ...r, action });
    onDone();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void run('add');
  }

  return (
    <form className="bulk-bar" onSubmit={submit} noValidate aria-label={t('bulk.label')}>
      <strong role="status" aria-live="polite">
        {t('bulk.selected', { count: selected.length })}
      </strong>
      <div className={`field ${error ? 'field-invalid' : ''}`}>
        <label htmlFor="bulk-tag">{t('bulk.tag')}</label>
        <input id="bulk-tag" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'bulk-tag-error' : undefined} />
        {error && (
          <div className="field-error" id="bulk-tag-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <button type="submit" className="button button-small button-primary" disabled={progress !== null || selected.length === 0}>
        {t('bulk.add')}
      </button>
      <button type="button" className="button button-small" disabled={progress !== null || selected.length === 0} onClick={() => void run('remove')}>
        {t('bulk.remove')}
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onClear}>
        {t('bulk.clear')}
      </button>
      {progress !== null && (
        <span role="status">
          {t('bulk.progress', { done: progress, count: selected.length })}
        </span>
      )}
      {result && (
        <span role="status" data-testid="bulk-result">
          {t(result.action === 'add' ? 'bulk.added' : 'bulk.removed', { count: result.done.length })}
        </span>
      )}
      {result && result.failed.length > 0 && (
        <FormError message={t('bulk.failed', { count: result.failed.length, ids: result.failed.map((f) => `#${f.id}: ${f.message}`).join('; ') })} />
      )}
    </form>
  );
}
