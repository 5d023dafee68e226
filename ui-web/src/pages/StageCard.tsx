// Moves management: the constituent's stage, its history, and a stage change (PUT with the
// ETag it read; a 412 asks to reload).
import { useState, type FormEvent } from 'react';
import { apiPath, errorMessage, request } from '../api/client';
import { stages, type StageAnswer } from '../api/crm';
import { FormError, SelectField, TextField } from '../components/Field';
import { Empty, ErrorState, Loaded } from '../components/States';
import { formatDate } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { canChangeDonors, useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';

export function StageCard({ constituentId }: { constituentId: number }) {
  const session = useSession();
  const { t, tx } = useI18n();
  const [load, reload] = useLoad(async (signal) => {
    const r = await request<StageAnswer>('GET', apiPath(`/constituents/${constituentId}/stage`), { signal });
    return { stage: r.data, etag: r.etag };
  }, [constituentId]);
  return (
    <section className="card" aria-labelledby="stage">
      <h2 id="stage">{t('stage.title')}</h2>
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={reload} />
      ) : (
        <Loaded load={load}>
          {({ stage, etag }) => (
            <>
              <p className="stat-line" data-testid="stage-current">
                {stage.stage ? tx(`stage.${stage.stage}`) : t('stage.none')}
              </p>
              {canChangeDonors(session.user) && <StageChange current={stage.stage} etag={etag} constituentId={constituentId} onDone={reload} />}
              <h3>{t('stage.history')}</h3>
              {stage.history.length === 0 ? (
                <Empty>{t('stage.noHistory')}</Empty>
              ) : (
                <ol className="plain-list" data-testid="stage-history">
                  {[...stage.history].reverse().map((h) => (
                    <li key={h.id}>
                      {formatDate(h.created_at)}: {h.from_stage ? tx(`stage.${h.from_stage}`) : '—'} → {h.to_stage ? tx(`stage.${h.to_stage}`) : '—'}
                      {h.changed_by && <span className="muted">{t('stage.by', { who: h.changed_by })}</span>}
                      {h.note && <span className="muted"> · {h.note}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </Loaded>
      )}
    </section>
  );
}

function StageChange({ current, etag, constituentId, onDone }: { current: string | null; etag: string | null; constituentId: number; onDone(): void }) {
  const { t } = useI18n();
  const [stage, setStage] = useState(current ?? 'identify');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const body: Record<string, string> = { stage };
      if (note.trim()) body.note = note.trim();
      await request('PUT', apiPath(`/constituents/${constituentId}/stage`), { body, headers: etag ? { 'If-Match': etag } : {} });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="toolbar" onSubmit={(e) => void submit(e)} aria-label={t('stage.change')}>
      <SelectField label={t('stage.moveTo')} value={stage} onChange={(e) => setStage(e.target.value)}>
        {stages.map((s) => (
          <option key={s} value={s}>
            {t(`stage.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('stage.note')} className="field-grow" value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="field">
        <button type="submit" className="button" disabled={busy}>
          {t('stage.change')}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
