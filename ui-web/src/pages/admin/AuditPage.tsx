// The audit log (/admin/audit): every change, newest first, filtered by entity (type and id),
// actor, action and a date range; "Show older" loads the next page.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../../api/client';
import type { Page } from '../../api/types';
import { TextField } from '../../components/Field';
import { Empty, Loading } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { auditQuery, changes, checkAuditFilter, emptyAuditFilter, inRange, olderMayMatch, type AuditEvent, type AuditFilter } from '../../lib/audit';
import { formatInstant } from '../../lib/format';

const PAGE = 50;

export function AuditPage() {
  const { t, tx } = useI18n();
  const [draft, setDraft] = useState<AuditFilter>(emptyAuditFilter);
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [open, setOpen] = useState<number | null>(null);

  async function fetchPage(f: AuditFilter, after: number | null, append: boolean) {
    setState('loading');
    try {
      const page = await get<Page<AuditEvent>>(apiPath('/audit', auditQuery(f, after, PAGE)));
      setEvents((old) => [...(append ? old : []), ...page.items.filter((e) => inRange(e, f))]);
      setNext(page.next_after);
      setMore(page.next_after !== null && olderMayMatch(page.items, f));
      setState('ready');
    } catch (e) {
      setError(errorMessage(e));
      setState('error');
    }
  }

  useEffect(() => {
    void fetchPage(filter, null, false);
  }, [filter]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const local = checkAuditFilter(draft);
    setErrors(Object.fromEntries(Object.entries(local).map(([k, v]) => [k, tx(v)])));
    if (Object.keys(local).length) return;
    setFilter({ ...draft });
  }

  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <>
      <div className="page-header">
        <h1>{t('admin.audit')}</h1>
      </div>
      <form className="toolbar audit-filter" onSubmit={submit} noValidate aria-label={t('audit.filters')}>
        <TextField label={t('audit.entityType')} name="entity_type" placeholder="constituent" value={draft.entityType} onChange={(e) => set({ entityType: e.target.value })} />
        <TextField label={t('audit.entityId')} name="entity_id" inputMode="numeric" value={draft.entityId} onChange={(e) => set({ entityId: e.target.value })} error={errors.entity_id} />
        <TextField label={t('audit.actor')} name="actor" value={draft.actor} onChange={(e) => set({ actor: e.target.value })} />
        <TextField label={t('audit.action')} name="action" value={draft.action} onChange={(e) => set({ action: e.target.value })} />
        <TextField label={t('audit.from')} name="from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        <TextField label={t('audit.to')} name="to" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} />
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(emptyAuditFilter);
              setErrors({});
              setFilter(emptyAuditFilter);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      {state === 'error' && (
        <div className="state state-error" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void fetchPage(filter, null, false)}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {state !== 'error' && events.length === 0 && state === 'ready' && <Empty>{t('audit.none')}</Empty>}
      {events.length > 0 && (
        <table className="table" data-testid="audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const diff = changes(e.before, e.after);
              return (
                <tr key={e.id}>
                  <td>{formatInstant(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity_type === 'constituent' && e.entity_id ? <Link to={`/constituents/${e.entity_id}`}>{`${e.entity_type} #${e.entity_id}`}</Link> : `${e.entity_type}${e.entity_id ? ` #${e.entity_id}` : ''}`}
                  </td>
                  <td>
                    {diff.length === 0 ? (
                      '—'
                    ) : (
                      <>
                        <button type="button" className="button button-small button-quiet" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                          {t('audit.fields', { count: diff.length })}
                        </button>
                        {open === e.id && (
                          <ul className="plain-list diff">
                            {diff.map((d) => (
                              <li key={d.field}>
                                <strong>{d.field}</strong>: <del>{d.before}</del> → <ins>{d.after}</ins>
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {state === 'loading' && <Loading />}
      {state === 'ready' && more && (
        <div className="pager">
          <button type="button" className="button" onClick={() => void fetchPage(filter, next, true)}>
            {t('audit.older')}
          </button>
        </div>
      )}
    </>
  );
}
