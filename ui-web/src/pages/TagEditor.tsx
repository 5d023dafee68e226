// Tags on the constituent page; admins and fundraisers add one by name (POST .../tags; a new
// name creates the tag) or remove one.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, del, errorMessage, post } from '../api/client';
import { TextField } from '../components/Field';
import { canChangeDonors, useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';

export function TagEditor({ constituentId, tags, onChanged }: { constituentId: number; tags: { id: number; name: string }[]; onChanged(): void }) {
  const session = useSession();
  const { t: tr } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const canChange = canChangeDonors(session.user);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(tr('tags.nameMissing'));
      return;
    }
    try {
      await post(apiPath(`/constituents/${constituentId}/tags`), { name: name.trim() });
      setName('');
      setError('');
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldMessage('name') ?? errorMessage(err)) : errorMessage(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await del(apiPath(`/constituents/${constituentId}/tags/${id}`));
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      <h3>{tr('tags.title')}</h3>
      {tags.length === 0 ? (
        <p className="muted">{tr('tags.none')}</p>
      ) : (
        <ul className="tags" data-testid="tags">
          {tags.map((t) => (
            <li key={t.id} className="tag">
              {t.name}
              {canChange && (
                <button type="button" className="tag-remove" aria-label={tr('tags.removeLabel', { name: t.name })} onClick={() => void remove(t.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <form className="toolbar" onSubmit={(e) => void add(e)} aria-label={tr('tags.add')} noValidate>
          <TextField label={tr('tags.new')} value={name} onChange={(e) => setName(e.target.value)} error={error} />
          <div className="field">
            <button type="submit" className="button button-small">
              {tr('tags.add')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
