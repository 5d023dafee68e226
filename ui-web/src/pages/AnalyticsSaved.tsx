// Saved analytics queries on the server (lib/savedQueries.ts; decision 0218): name the current
// query and save it, for yourself or shared with everyone who may run analytics; open one of
// yours or a shared one; rename, share or delete your own (an admin: any). Queries an older
// version kept in this browser are offered once to be moved to the server.
import { useState } from 'react';
import { ApiError, errorMessage, get } from '../api/client';
import { Empty, ErrorState } from '../components/States';
import { useI18n } from '../i18n/i18n';
import type { AnalyticsDraft, AnalyticsQuery } from '../lib/analytics';
import { useLoad } from '../lib/hooks';
import { createSaved, deleteSaved, draftFromQuery, moveLocalQueries, readLocal, replaceSaved, savedGroups, savedQueriesPath, writeLocal, type ServerSavedQuery } from '../lib/savedQueries';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// `query()` is the current form as a request body, or null when the form has problems (the
// page shows them at their fields).
export function SavedQueries({ query, currency, onOpen }: { query(): AnalyticsQuery | null; currency: string; onOpen(d: AnalyticsDraft): void }) {
  const { t } = useI18n();
  const [load, reload] = useLoad((signal) => get<{ items: ServerSavedQuery[] }>(savedQueriesPath, signal), [], { quiet: true });
  const [name, setName] = useState('');
  const [share, setShare] = useState(false);
  const [chosen, setChosen] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [local, setLocal] = useState(() => readLocal(storage()));

  const items = load.state === 'ready' ? load.data.items : [];
  const picked = items.find((q) => String(q.id) === chosen);
  const groups = savedGroups(items);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setError('');
    setNameError('');
    try {
      setMessage(await work());
      reload();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.fieldMessage('name'))) setNameError(e.fieldMessage('name') ?? errorMessage(e));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function save() {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('analytics.nameMissing'));
      return;
    }
    const body = query();
    if (!body) {
      setError(t('analytics.fixBeforeSaving'));
      return;
    }
    void act(async () => {
      const made = await createSaved({ name: trimmed, query: body, shared: share });
      setChosen(String(made.id));
      setName('');
      return t('analytics.saved', { name: made.name });
    });
  }

  function rename(q: ServerSavedQuery, next: string) {
    if (!next.trim()) {
      setNameError(t('analytics.nameMissing'));
      return;
    }
    void act(async () => {
      const done = await replaceSaved(q, { name: next.trim() });
      setRenaming(null);
      return t('analytics.renamed', { name: done.name });
    });
  }

  function move() {
    void act(async () => {
      const out = await moveLocalQueries(local, currency);
      writeLocal(storage(), out.left);
      setLocal(out.left);
      if (out.failed.length) throw new Error(t('analytics.moveFailed', { names: out.failed.map((f) => `${f.name} (${f.message})`).join(', ') }));
      return t('analytics.moved', { count: out.moved.length });
    });
  }

  return (
    <section className="saved-queries" aria-labelledby="an-saved-title">
      <h3 id="an-saved-title">{t('analytics.savedQueries')}</h3>
      {local.length > 0 && (
        <div className="notice" role="region" aria-label={t('analytics.moveTitle')} data-testid="move-local">
          <p>{t('analytics.moveOffer', { count: local.length, names: local.map((q) => q.name).join(', ') })}</p>
          <button type="button" className="button" disabled={busy} onClick={move}>
            {t('analytics.moveNow')}
          </button>
        </div>
      )}
      <div className="split-row">
        <div className={`field ${nameError && renaming === null ? 'field-invalid' : ''}`}>
          <label htmlFor="an-save-name">{t('analytics.saveName')}</label>
          <input id="an-save-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={nameError && renaming === null ? true : undefined} aria-describedby={nameError && renaming === null ? 'an-save-error' : undefined} />
          {nameError && renaming === null && (
            <div className="field-error" id="an-save-error" role="alert">
              {nameError}
            </div>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> {t('analytics.shareNew')}
        </label>
        <div className="split-actions">
          <button type="button" className="button" disabled={busy} onClick={save}>
            {t('analytics.save')}
          </button>
        </div>
      </div>
      {load.state === 'error' && <ErrorState error={load.error} retry={reload} />}
      {load.state === 'ready' && items.length === 0 && <Empty>{t('analytics.noSaved')}</Empty>}
      {items.length > 0 && (
        <div className="split-row">
          <div className="field">
            <label htmlFor="an-saved">{t('analytics.openSaved')}</label>
            <select
              id="an-saved"
              value={chosen}
              onChange={(e) => {
                setChosen(e.target.value);
                setRenaming(null);
                setConfirmDelete(false);
              }}
            >
              <option value="">{t('analytics.choose')}</option>
              {groups.mine.length > 0 && (
                <optgroup label={t('analytics.mine')}>
                  {groups.mine.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.shared ? t('analytics.sharedName', { name: q.name }) : q.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {groups.shared.length > 0 && (
                <optgroup label={t('analytics.sharedByOthers')}>
                  {groups.shared.map((q) => (
                    <option key={q.id} value={q.id}>
                      {t('analytics.ownedBy', { name: q.name, owner: q.owner })}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div className="split-actions">
            <button type="button" className="button" disabled={!picked || busy} onClick={() => picked && onOpen(draftFromQuery(picked.query, currency))}>
              {t('analytics.open')}
            </button>
            {picked?.can_change && (
              <>
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => setRenaming(picked.name)}>
                  {t('analytics.rename')}
                </button>
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => void act(async () => t((await replaceSaved(picked, { shared: !picked.shared })).shared ? 'analytics.nowShared' : 'analytics.nowPrivate', { name: picked.name }))}>
                  {picked.shared ? t('analytics.unshare') : t('analytics.share')}
                </button>
                <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirmDelete(true)}>
                  {t('analytics.delete')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
      {picked && renaming !== null && (
        <form
          className="split-row"
          aria-label={t('analytics.renameOf', { name: picked.name })}
          onSubmit={(e) => {
            e.preventDefault();
            rename(picked, renaming);
          }}
        >
          <div className={`field ${nameError ? 'field-invalid' : ''}`}>
            <label htmlFor="an-rename">{t('analytics.newName')}</label>
            <input id="an-rename" value={renaming} onChange={(e) => setRenaming(e.target.value)} aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? 'an-rename-error' : undefined} />
            {nameError && (
              <div className="field-error" id="an-rename-error" role="alert">
                {nameError}
              </div>
            )}
          </div>
          <div className="split-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('common.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setRenaming(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {picked && confirmDelete && (
        <div role="group" aria-label={t('analytics.delete')}>
          <p>{t('analytics.deleteConfirm', { name: picked.name })}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await deleteSaved(picked.id);
                  setChosen('');
                  setConfirmDelete(false);
                  return t('analytics.deleted', { name: picked.name });
                })
              }
            >
              {t('analytics.deleteYes')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <span role="status" className="muted">
        {message}
      </span>
    </section>
  );
}
