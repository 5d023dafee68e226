// Adding an interaction (call, meeting, note, ...) or a task from the constituent page. The
// "restricted" box (pastoral or confidential notes) is offered only to users with the grant;
// the server refuses it from anyone else.
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, post } from '../api/client';
import { FormError, SelectField, TextArea, TextField } from '../components/Field';
import { today } from '../lib/format';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

interface Props {
  constituentId: number;
  onDone(changed: boolean): void;
}

const interactionKinds = ['call', 'meeting', 'note', 'email', 'letter', 'visit'];

function fieldErrors(e: unknown): { fields: Record<string, string>; form: string } {
  if (e instanceof ApiError && e.errors.length > 0) {
    return { fields: Object.fromEntries(e.errors.map((x) => [x.field, x.message])), form: '' };
  }
  return { fields: {}, form: errorMessage(e) };
}

export function AddInteraction({ constituentId, onDone }: Props) {
  const session = useSession();
  const { t, tx } = useI18n();
  const [kind, setKind] = useState('call');
  const [occurredAt, setOccurredAt] = useState(today());
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [restricted, setRestricted] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!summary.trim()) local.summary = t('timeline.summaryMissing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(occurredAt)) local.occurred_at = t('timeline.dateMissing');
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { kind, occurred_at: occurredAt, summary: summary.trim() };
      if (details.trim()) body.details = details.trim();
      if (restricted) body.restricted = true;
      await post(apiPath(`/constituents/${constituentId}/interactions`), body);
      onDone(true);
    } catch (err) {
      const { fields, form } = fieldErrors(err);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={t('timeline.addInteraction')} noValidate>
      <div className="toolbar">
        <SelectField label={t('common.kind')} value={kind} onChange={(e) => setKind(e.target.value)} error={errors.kind}>
          {interactionKinds.map((k) => (
            <option key={k} value={k}>
              {tx(`interaction.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('common.date')} type="date" value={occurredAt} onChange={(e) => setOccurredAt(e.target.value)} error={errors.occurred_at} />
        <TextField label={t('timeline.summary')} className="field-grow" value={summary} onChange={(e) => setSummary(e.target.value)} error={errors.summary} autoFocus />
      </div>
      <TextArea label={t('timeline.details')} rows={2} value={details} onChange={(e) => setDetails(e.target.value)} error={errors.details} />
      {session.user?.restricted_access && (
        <label className="checkbox">
          <input type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} /> {t('timeline.restrictedBox')}
        </label>
      )}
      {errors.restricted && <p className="field-error">{errors.restricted}</p>}
      <FormError message={formError} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('timeline.saveInteraction')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AddTask({ constituentId, onDone }: Props) {
  const session = useSession();
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [assignee, setAssignee] = useState(session.user?.username ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = t('timeline.taskMissing');
    if (!assignee.trim()) local.assignee = t('timeline.assigneeMissing');
    setErrors(local);
    setFormError('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { assignee: assignee.trim(), title: title.trim(), constituent_id: constituentId };
      if (dueOn) body.due_on = dueOn;
      await post(apiPath('/tasks'), body);
      onDone(true);
    } catch (err) {
      const { fields, form } = fieldErrors(err);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={t('timeline.addTask')} noValidate>
      <div className="toolbar">
        <TextField label={t('tasks.task')} className="field-grow" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} autoFocus />
        <TextField label={t('tasks.due')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={errors.due_on} />
        <TextField label={t('tasks.assignedTo')} value={assignee} onChange={(e) => setAssignee(e.target.value)} error={errors.assignee} hint={t('timeline.aUsername')} />
      </div>
      <FormError message={formError} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('timeline.saveTask')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
