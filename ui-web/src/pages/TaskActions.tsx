// Complete or reopen one task (POST .../complete, .../reopen); errors show next to the button.
import { useState } from 'react';
import { apiPath, errorMessage, post } from '../api/client';
import type { Task } from '../api/crm';

export function TaskActions({ task, onChanged }: { task: Task; onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const action = task.status === 'open' ? 'complete' : 'reopen';
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await post(apiPath(`/tasks/${task.id}/${action}`));
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-small" disabled={busy} onClick={() => void run()}>
        {action === 'complete' ? 'Complete' : 'Reopen'}
        <span className="visually-hidden"> task {task.title}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
