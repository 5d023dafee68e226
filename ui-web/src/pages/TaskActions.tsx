// Complete or reopen one task (POST .../complete, .../reopen); errors show next to the button.
import { useState } from 'react';
import { apiPath, errorMessage, post } from '../api/client';
import type { Task } from '../api/crm';
import { useI18n } from '../i18n/i18n';

export function TaskActions({ task, onChanged }: { task: Task; onChanged(): void }) {
  const { t } = useI18n();
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
        {action === 'complete' ? t('tasks.complete') : t('tasks.reopen')}
        <span className="visually-hidden"> {t('tasks.taskNamed', { title: task.title })}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
