// Queries saved in this browser (lib/analytics.ts readSaved/withSaved): name the current query
// and save it; open or delete a saved one. Saved on the server they are not: share a query
// with its link instead (decision 0135).
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { readSaved, savedKey, withSaved, withoutSaved, type SavedQuery } from '../lib/analytics';

function load(): SavedQuery[] {
  try {
    return readSaved(window.localStorage.getItem(savedKey));
  } catch {
    return [];
  }
}

function store(list: SavedQuery[]): void {
  try {
    window.localStorage.setItem(savedKey, JSON.stringify(list));
  } catch {
    // Private windows may refuse storage: the link still works.
  }
}

export function SavedQueries({ current, onOpen }: { current: string; onOpen(q: string): void }) {
  const { t } = useI18n();
  const [list, setList] = useState<SavedQuery[]>(load);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const update = (next: SavedQuery[]) => {
    setList(next);
    store(next);
  };
  function save() {
    if (!name.trim()) {
      setError(t('analytics.nameMissing'));
      return;
    }
    setError('');
    update(withSaved(list, name, current));
    setMessage(t('analytics.saved', { name: name.trim() }));
    setChosen(name.trim());
    setName('');
  }
  const picked = list.find((s) => s.name === chosen);
  return (
    <div className="split-row">
      <div className={`field ${error ? 'field-invalid' : ''}`}>
        <label htmlFor="an-save-name">{t('analytics.saveName')}</label>
        <input id="an-save-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'an-save-error' : undefined} />
        {error && (
          <div className="field-error" id="an-save-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <div className="split-actions">
        <button type="button" className="button" onClick={save}>
          {t('analytics.save')}
        </button>
      </div>
      {list.length > 0 && (
        <>
          <div className="field">
            <label htmlFor="an-saved">{t('analytics.savedQueries')}</label>
            <select id="an-saved" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('analytics.choose')}</option>
              {list.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="split-actions">
            <button type="button" className="button" disabled={!picked} onClick={() => picked && onOpen(picked.q)}>
              {t('analytics.open')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={!picked}
              onClick={() => {
                update(withoutSaved(list, chosen));
                setMessage(t('analytics.deleted', { name: chosen }));
                setChosen('');
              }}
            >
              {t('analytics.delete')}
            </button>
          </div>
        </>
      )}
      <span role="status" className="muted">
        {message}
      </span>
    </div>
  );
}
