// Tags on the constituent page; admins and fundraisers add one by name (POST .../tags; a new
// name creates the tag) or remove one.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, del, errorMessage, post } from '../api/client';
import { TextField } from '../components/Field';
import { canChangeDonors, useSession } from '../session/session';

export function TagEditor({ constituentId, tags, onChanged }: { constituentId: number; tags: { id: number; name: string }[]; onChanged(): void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const canChange = canChangeDonors(session.user);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a tag name.');
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
      <h3>Tags</h3>
      {tags.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <ul className="tags" data-testid="tags">
          {tags.map((t) => (
            <li key={t.id} className="tag">
              {t.name}
              {canChange && (
                <button type="button" className="tag-remove" aria-label={`Remove tag ${t.name}`} onClick={() => void remove(t.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <form className="toolbar" onSubmit={(e) => void add(e)} aria-label="Add tag" noValidate>
          <TextField label="New tag" value={name} onChange={(e) => setName(e.target.value)} error={error} />
          <div className="field">
            <button type="submit" className="button button-small">
              Add tag
            </button>
          </div>
        </form>
      )}
    </>
  );
}
