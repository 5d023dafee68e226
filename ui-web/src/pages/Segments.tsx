// Segments (/segments): build a simple filter (kind, tag, gave in a date range with a minimum,
// last gift before, region and country) and see the live count; save it; open a saved
// segment's members in pages; export its CSV (roles that may export).
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, apiPath, errorMessage, get, post } from '../api/client';
import type { Page } from '../api/types';
import { FormError, SelectField, TextField } from '../components/Field';
import { Empty, ErrorState, Loaded } from '../components/States';
import { useDebounced, useLoad } from '../lib/hooks';
import { draftFieldOf, emptyDraft, filterOf, type SegmentDraft } from '../lib/segments';
import { canExport, useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';

interface Segment {
  id: number;
  name: string;
  description: string | null;
}

export function SegmentsPage() {
  const { t } = useI18n();
  const session = useSession();
  const mayEdit = canExport(session.user);
  const [openId, setOpenId] = useState<number | null>(null);
  const [list, reloadList] = useLoad((signal) => get<Page<Segment>>(apiPath('/segments'), signal), []);
  return (
    <>
      <div className="page-header">
        <h1>{t('nav.segments')}</h1>
      </div>
      <div className="grid grid-entry">
        <SegmentBuilder mayEdit={mayEdit} onSaved={(id) => { reloadList(); setOpenId(id); }} />
        <section className="card" aria-labelledby="saved-title">
          <h2 id="saved-title">{t('seg.saved')}</h2>
          <Loaded load={list} retry={reloadList}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('seg.noneSaved')}</Empty>
              ) : (
                <ul className="plain-list" data-testid="saved-segments">
                  {page.items.map((s) => (
                    <li key={s.id}>
                      <button type="button" className="button button-quiet" aria-pressed={openId === s.id} onClick={() => setOpenId(s.id)}>
                        {s.name}
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
      </div>
      {openId !== null && <SegmentMembers id={openId} mayExport={canExport(session.user)} />}
    </>
  );
}

function SegmentBuilder({ mayEdit, onSaved }: { mayEdit: boolean; onSaved(id: number): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<SegmentDraft>(emptyDraft);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof SegmentDraft | 'name', string>>>({});
  const [formError, setFormError] = useState('');
  const [count, setCount] = useState<{ state: 'idle' | 'counting' | 'done' | 'error'; value?: number }>({ state: 'idle' });
  const debounced = useDebounced(draft, 400);
  useEffect(() => {
    let live = true;
    setCount({ state: 'counting' });
    post<{ count: number }>(apiPath('/segments/preview'), { filter: filterOf(debounced) }).then(
      (r) => live && (setCount({ state: 'done', value: r.count }), setErrors({})),
      (e) => {
        if (!live) return;
        setCount({ state: 'error' });
        if (e instanceof ApiError) setErrors(fieldErrors(e, debounced));
      },
    );
    return () => {
      live = false;
    };
  }, [debounced]);
  const set = (key: keyof SegmentDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFormError('');
    if (!name.trim()) {
      setErrors({ name: t('seg.nameMissing') });
      return;
    }
    try {
      const saved = await post<Segment>(apiPath('/segments'), { name: name.trim(), filter: filterOf(draft) });
      setName('');
      onSaved(saved.id);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(fieldErrors(err, draft));
      else setFormError(errorMessage(err));
    }
  };
  return (
    <form className="card" aria-label={t('seg.build')} onSubmit={(e) => void save(e)} noValidate>
      <h2>{t('seg.build')}</h2>
      <div className="grid grid-2">
        <SelectField label={t('common.kind')} value={draft.kind} onChange={set('kind')} error={errors.kind}>
          <option value="">{t('seg.any')}</option>
          <option value="individual">{t('kind.individual')}</option>
          <option value="household">{t('kind.household')}</option>
          <option value="organization">{t('kind.organization')}</option>
        </SelectField>
        <TextField label={t('bulk.tag')} value={draft.tag} onChange={set('tag')} error={errors.tag} hint={t('seg.tagHint')} />
        <TextField label={t('seg.gaveFrom')} type="date" value={draft.gaveFrom} onChange={set('gaveFrom')} error={errors.gaveFrom} />
        <TextField label={t('seg.gaveTo')} type="date" value={draft.gaveTo} onChange={set('gaveTo')} error={errors.gaveTo} />
        <TextField label={t('seg.gaveMin')} inputMode="decimal" value={draft.gaveMin} onChange={set('gaveMin')} error={errors.gaveMin} hint={t('seg.gaveMinHint')} />
        <TextField label={t('seg.lastBefore')} type="date" value={draft.lastGiftBefore} onChange={set('lastGiftBefore')} error={errors.lastGiftBefore} hint={t('seg.lastBeforeHint')} />
        <TextField label={t('seg.region')} value={draft.region} onChange={set('region')} error={errors.region} hint={t('seg.regionHint')} />
        <TextField label={t('contact.country')} value={draft.country} onChange={set('country')} error={errors.country} hint={t('seg.countryHint')} />
      </div>
      <p className="stat-line" role="status" aria-live="polite" data-testid="segment-count">
        {count.state === 'counting' && t('seg.counting')}
        {count.state === 'done' && t(count.value === 1 ? 'seg.countOne' : 'seg.countMany', { count: count.value ?? 0 })}
        {count.state === 'error' && t('seg.fix')}
      </p>
      {mayEdit && (
        <div className="toolbar">
          <TextField label={t('seg.name')} className="field-grow" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          <div className="field">
            <button type="submit" className="button button-primary">
              {t('seg.save')}
            </button>
          </div>
        </div>
      )}
      <FormError message={formError} />
    </form>
  );
}

function fieldErrors(e: ApiError, draft: SegmentDraft): Partial<Record<keyof SegmentDraft | 'name', string>> {
  const out: Partial<Record<keyof SegmentDraft | 'name', string>> = {};
  for (const x of e.errors) {
    const key = x.field === 'name' ? 'name' : draftFieldOf(x.field, draft);
    if (key) out[key] = x.message;
  }
  return out;
}

function SegmentMembers({ id, mayExport }: { id: number; mayExport: boolean }) {
  const { t } = useI18n();
  const [cursor, setCursor] = useState<{ after: number | null; previous: (number | null)[] }>({ after: null, previous: [] });
  useEffect(() => setCursor({ after: null, previous: [] }), [id]);
  const [load, retry] = useLoad(
    async (signal) => {
      const [segment, count, page] = await Promise.all([
        get<Segment>(apiPath(`/segments/${id}`), signal),
        get<{ count: number }>(apiPath(`/segments/${id}/count`), signal),
        get<Page<{ id: number; display_name: string }>>(apiPath(`/segments/${id}/members`, { limit: 50, after: cursor.after }), signal),
      ]);
      return { segment, count: count.count, page };
    },
    [id, cursor.after],
  );
  return (
    <section className="card" aria-labelledby="members-title">
      {load.state === 'error' ? (
        <ErrorState error={load.error} retry={retry} />
      ) : (
        <Loaded load={load}>
          {({ segment, count, page }) => (
            <>
              <div className="card-header">
                <h2 id="members-title">
                  {segment.name} <span className="muted">{t('seg.members', { count })}</span>
                </h2>
                {mayExport && (
                  <a className="button button-small" href={apiPath(`/segments/${id}/members.csv`)} download>
                    {t('common.exportCsv')}
                  </a>
                )}
              </div>
              {page.items.length === 0 ? (
                <Empty>{t('seg.noMembers')}</Empty>
              ) : (
                <ul className="plain-list" data-testid="segment-members">
                  {page.items.map((m) => (
                    <li key={m.id}>
                      <Link to={`/constituents/${m.id}`}>{m.display_name}</Link>
                    </li>
                  ))}
                </ul>
              )}
              <div className="pager">
                <button type="button" className="button button-small" disabled={cursor.previous.length === 0}
                  onClick={() => setCursor((c) => ({ after: c.previous[c.previous.length - 1] ?? null, previous: c.previous.slice(0, -1) }))}>
                  {t('common.previous')}
                </button>
                <button type="button" className="button button-small" disabled={page.next_after === null}
                  onClick={() => setCursor((c) => ({ after: page.next_after, previous: [...c.previous, c.after] }))}>
                  {t('common.next')}
                </button>
              </div>
            </>
          )}
        </Loaded>
      )}
    </section>
  );
}
