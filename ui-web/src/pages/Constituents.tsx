// Constituents: search as you type (names in Hangul or Latin, email, phone, postal code through
// the API's ?q=), a sortable table in cursor pages, and the CSV export of the same search.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiPath, get } from '../api/client';
import type { Constituent, Page } from '../api/types';
import { Empty, Loaded } from '../components/States';
import { useDebounced, useLoad } from '../lib/hooks';
import { sortRows, type SortKey } from '../lib/sort';
import { canExport, useSession } from '../session/session';

const PAGE_SIZE = 50;
const kindLabel: Record<string, string> = { individual: 'Person', household: 'Household', organization: 'Organization' };

export function ConstituentsPage() {
  const session = useSession();
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
        <h1>Constituents</h1>
        {canExport(session.user) && (
          <a className="button" href={exportHref} download>
            Export CSV
          </a>
        )}
      </div>
      <div className="toolbar" role="search">
        <div className="field field-grow">
          <label htmlFor="constituent-search">Search</label>
          <input
            id="constituent-search"
            type="search"
            placeholder="Name (한글 or Latin), email, phone or postal code"
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="constituent-kind">Kind</label>
          <select id="constituent-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All</option>
            <option value="individual">People</option>
            <option value="household">Households</option>
            <option value="organization">Organizations</option>
          </select>
        </div>
      </div>
      <Loaded load={load} retry={retry}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{q ? `No constituent matches “${q}”.` : 'No constituents yet.'}</Empty>
          ) : (
            <>
              <table className="table">
                <caption className="visually-hidden">Constituents, page {pageIndex + 1}</caption>
                <thead>
                  <tr>
                    {header('sort_name', 'Name')}
                    {header('kind', 'Kind')}
                    {header('id', 'ID', 'numeric')}
                  </tr>
                </thead>
                <tbody>
                  {sortRows(page.items, sort.key, sort.descending).map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/constituents/${c.id}`} lang={/[\uac00-\ud7a3]/.test(c.display_name) ? 'ko' : undefined}>
                          {c.display_name}
                        </Link>
                        {c.restricted && <span className="tag tag-warn">restricted</span>}
                      </td>
                      <td>{kindLabel[c.kind] ?? c.kind}</td>
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
                  Previous
                </button>
                <span>Page {pageIndex + 1}</span>
                <button
                  type="button"
                  className="button"
                  disabled={page.next_after === null}
                  onClick={() => setCursors((c) => [...c, page.next_after])}
                >
                  Next
                </button>
              </div>
            </>
          )
        }
      </Loaded>
    </>
  );
}
