// Edit names and notes in place. The PUT sends the record back with the changes and the ETag
// it was read with: a 412 means someone else changed it meanwhile (reload, then re-apply).
import { useState, type FormEvent } from 'react';
import { ApiError, apiPath, errorMessage, request } from '../api/client';
import type { ConstituentDetail } from '../api/types';
import { FormError, TextArea, TextField } from '../components/Field';
import { useI18n } from '../i18n/i18n';

interface Props {
  record: ConstituentDetail;
  etag: string | null;
  onDone(changed: boolean): void;
  onReload(): void;
}

type Draft = Record<'first_name' | 'last_name' | 'preferred_name' | 'organization_name' | 'display_name' | 'notes', string>;

export function draftOf(record: ConstituentDetail): Draft {
  return {
    first_name: record.first_name ?? '',
    last_name: record.last_name ?? '',
    preferred_name: record.preferred_name ?? '',
    organization_name: record.organization_name ?? '',
    display_name: record.display_name ?? '',
    notes: record.notes ?? '',
  };
}

// The PUT body: the record as read (nested parts are ignored by the server), with the draft's
// fields; empty text becomes null so a cleared field is cleared.
export function bodyFor(record: ConstituentDetail, draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(draft)) {
    body[key] = value.trim() === '' ? null : value.trim();
  }
  if (body.display_name === null) body.display_name = '';
  return body;
}

// Error keys per field (translated where shown).
export function localErrors(record: ConstituentDetail, draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (record.kind === 'organization') {
    if (!draft.organization_name.trim()) errors.organization_name = 'edit.orgName';
  } else if (record.kind === 'individual' && !draft.first_name.trim() && !draft.last_name.trim()) {
    errors.last_name = 'edit.nameMissing';
  }
  if (draft.notes.length > 20000) errors.notes = 'edit.notesLong';
  return errors;
}

export function EditConstituent({ record, etag, onDone, onReload }: Props) {
  const { t, tx } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const local = localErrors(record, draft);
    setErrors(Object.fromEntries(Object.entries(local).map(([k, v]) => [k, tx(v)])));
    setGeneral('');
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await request('PUT', apiPath(`/constituents/${record.id}`), {
        body: bodyFor(record, draft),
        headers: etag ? { 'If-Match': etag } : {},
      });
      onDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
      } else if (err instanceof ApiError && err.errors.length) {
        const fields: Record<string, string> = {};
        for (const f of err.errors) fields[f.field] = f.message;
        setErrors(fields);
        const unplaced = err.errors.filter((f) => !(f.field in draft));
        if (unplaced.length) setGeneral(unplaced.map((f) => `${f.field}: ${f.message}`).join('; '));
      } else {
        setGeneral(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card edit-form" onSubmit={save} noValidate aria-label={t('edit.label')}>
      {stale && (
        <div className="banner banner-warn" role="alert">
          {t('edit.stale')}{' '}
          <button type="button" className="button button-small" onClick={onReload}>
            {t('edit.reload')}
          </button>
        </div>
      )}
      <div className="grid grid-3">
        {record.kind === 'organization' ? (
          <TextField label={t('edit.organization')} value={draft.organization_name} onChange={set('organization_name')} error={errors.organization_name} />
        ) : (
          <>
            <TextField label={t('edit.first')} value={draft.first_name} onChange={set('first_name')} error={errors.first_name} />
            <TextField label={t('edit.last')} value={draft.last_name} onChange={set('last_name')} error={errors.last_name} />
            <TextField label={t('edit.preferred')} value={draft.preferred_name} onChange={set('preferred_name')} error={errors.preferred_name} />
          </>
        )}
      </div>
      <TextField
        label={t('edit.display')}
        hint={t('edit.displayHint')}
        value={draft.display_name}
        onChange={set('display_name')}
        error={errors.display_name}
      />
      <TextArea label={t('gift.notes')} rows={4} value={draft.notes} onChange={set('notes')} error={errors.notes} />
      <FormError message={general} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
