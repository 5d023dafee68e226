// The header row of a typed result table (reports, analytics): each column sorts on click,
// numbers largest first, again to reverse; aria-sort tells screen readers the order.
import type { ReportColumn } from '../lib/reports';

export type TableSort = { column: number; descending: boolean } | null;

export function SortableHead({
  columns,
  sort,
  onSort,
  label,
}: {
  columns: ReportColumn[];
  sort: TableSort;
  onSort: (next: TableSort) => void;
  label: (c: ReportColumn) => string;
}) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          const active = sort?.column === i;
          const numeric = c.type === 'money' || c.type === 'integer' || c.type === 'number';
          return (
            <th key={c.name} scope="col" className={numeric ? 'numeric' : undefined} aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'}>
              <button
                type="button"
                className="sort-button"
                onClick={() => onSort(sort?.column === i ? { column: i, descending: !sort.descending } : { column: i, descending: numeric })}
              >
                {label(c)}
                <span aria-hidden="true">{active ? (sort!.descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
