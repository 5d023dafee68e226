// Constituents: search as you type (names in Hangul or Latin, email, phone, postal code through
// the API's ?q=), a sortable table in cursor pages, and the CSV export of the same search.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { Constituent, Page } from '../api/types';
import { Empty, Loaded } from '../components/States';
import { useDebounced, useLoad } from '../lib/hooks';
import { sortRows, type SortKey } from '../lib/sort';
import { canChangeDonors, canExport, useSession } from '../session/session';
import { useI18n } from '../i18n/i18n';
import { toggle, toggleAll } from '../lib/bulk';
import { BulkTagBar } from './BulkTag';

const PAGE_SIZE = 50;

export function ConstituentsPage() {
  const session = useSession();
  const { t } = useI18n();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const canTag = canChangeDonors(session.user);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const q = useDebounced(text.trim(), 250);
  // cursors[i] is the `after` of page i (page 0 starts at the beginning).
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'sort_name', descending: false });
  const pageIndex = cursors.length - 1;

  const [load, retry] = useLoad(
    (signal) => {
      return get<Page<Constituent>>(
        apiPath('/constituents', { q, kind, limit: PAGE_SIZE, after: cursors[pageIndex] }),
        signal,
      );
    },
    [q, kind, cursors],
  );

  // A new search starts again at page 1 and is kept in the address (back button, links).
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    setCursors([null]);
    const next = new URLSearchParams();
    if (q) next.set('q', q);
    if (kind) next.set('kind', kind);
    setParams(next, { replace: true });
  }, [q, kind, setParams]);

  const exportHref = useMemo(() => apiPath('/constituents.csv', { q, kind }), [q, kind]);

  function toggleSort(key: SortKey) {
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: false }));
  }

  function header(key: SortKey, label: string, className?: string) {
    const active = sort.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => toggleSort(key)}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('nav.constituents')}</h1>
        {canExport(session.user) && (
          <a className="button" href={exportHref} download>
            {t('common.exportCsv')}
          </a>
        )}
      </div>
      <div className="toolbar" role="search">
        <div className="field field-grow">
          <label htmlFor="constituent-search">{t('common.search')}</label>
          <input
            id="constituent-search"
            type="search"
            placeholder={t('constituents.searchPlaceholder')}
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="constituent-kind">{t('common.kind')}</label>
          <select id="constituent-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="individual">{t('kind.people')}</option>
            <option value="household">{t('kind.households')}</option>
            <option value="organization">{t('kind.organizations')}</option>
          </select>
        </div>
      </div>
      {canTag && selected.size > 0 && <BulkTagBar selected={[...selected]} onDone={() => undefined} onClear={() => setSelected(new Set())} />}
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{q ? t('constituents.noMatch', { q }) : t('constituents.none')}</Empty>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">{t('constituents.caption', { page: pageIndex + 1 })}</caption>
                <thead>
                  <tr>
                    {canTag && (
                      <th scope="col" className="select-cell">
                        <input
                          type="checkbox"
                          aria-label={t('bulk.selectPage')}
                          checked={page.items.length > 0 && page.items.every((c) => selected.has(c.id))}
                          onChange={() => setSelected((s) => toggleAll(s, page.items.map((c) => c.id)))}
                        />
                      </th>
                    )}
                    {header('sort_name', t('common.name'))}
                    {header('kind', t('common.kind'))}
                    {header('id', t('common.id'), 'numeric')}
                  </tr>
                </thead>
                <tbody>
                  {sortRows(page.items, sort.key, sort.descending).map((c) => (
                    <tr key={c.id}>
                      {canTag && (
                        <td className="select-cell">
                          <input
                            type="checkbox"
                            aria-label={t('bulk.select', { name: c.display_name })}
                            checked={selected.has(c.id)}
                            onChange={() => setSelected((s) => toggle(s, c.id))}
                          />
                        </td>
                      )}
                      <td>
                        <Link to={`/constituents/${c.id}`} lang={/[\uac00-\ud7a3]/.test(c.display_name) ? 'ko' : undefined}>
                          {c.display_name}
                        </Link>
                        {c.restricted && <span className="tag tag-warn">{t('common.restricted')}</span>}
                      </td>
                      <td>{t(`kind.${c.kind}`)}</td>
                      <td className="numeric">{c.id}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="pager">
                <button
                  type="button"
                  className="button"
                  disabled={pageIndex === 0}
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t('common.previous')}
                </button>
                <span>{t('common.page', { page: pageIndex + 1 })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={page.next_after === null}
                  onClick={() => setCursors((c) => [...c, page.next_after])}
                >
                  {t('common.next')}
                </button>
              </div>
            </>
          )
        }
      </Loaded>
    </>
  );
}
