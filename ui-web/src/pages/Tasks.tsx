// Tasks (/tasks): my tasks (or everyone's), filtered by status, overdue ones first and marked;
// complete and reopen in place. The status and whose tasks are kept in the address. The list is
// cursor-paged: "Load more" appends the next page (next_after).
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiPath, errorMessage, get } from '../api/client';
import { getNextPage } from '../api/pages';
import type { Task } from '../api/crm';
import type { Page } from '../api/types';
import { SelectField } from '../components/Field';
import { Empty, Loaded } from '../components/States';
import { formatDate, today } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { isOverdue, orderTasks } from '../lib/tasks';
import { canChangeDonors, useSession } from '../session/session';
import { TaskActions } from './TaskActions';

export function TasksPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const whose = params.get('whose') ?? 'me';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const query = { status, assigned_to: whose === 'me' ? 'me' : undefined };
  const [load, reload] = useLoad((signal) => get<Page<Task>>(apiPath('/tasks', query), signal), [status, whose]);
  // Pages after the first, appended by "Load more"; dropped whenever the first page reloads.
  const [more, setMore] = useState<{ items: Task[]; next: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  useEffect(() => {
    setMore(null);
    setMoreError('');
  }, [load]);
  const loadMore = async (after: number) => {
    setLoadingMore(true);
    setMoreError('');
    try {
      const next = await getNextPage<Task>('/tasks', query, after);
      setMore((old) => ({ items: [...(old?.items ?? []), ...next.items], next: next.next_after }));
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  };
  const day = today();
  const canChange = canChangeDonors(session.user);
  return (
    <>
      <div className="page-header">
        <h1>Tasks</h1>
      </div>
      <div className="toolbar">
        <SelectField label="Status" value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="open">Open</option>
          <option value="done">Done</option>
          <option value="cancelled">Cancelled</option>
          <option value="all">All</option>
        </SelectField>
        <SelectField label="Assigned to" value={whose} onChange={(e) => set('whose', e.target.value)}>
          <option value="me">Me</option>
          <option value="all">Everyone</option>
        </SelectField>
      </div>
      <Loaded load={load} retry={reload}>
        {(page) => {
          const tasks = orderTasks([...page.items, ...(more?.items ?? [])], day);
          const next = more ? more.next : page.next_after;
          const overdue = tasks.filter((t) => isOverdue(t, day)).length;
          return tasks.length === 0 ? (
            <Empty>{status === 'open' ? 'No open tasks. Well done.' : 'No tasks here.'}</Empty>
          ) : (
            <>
              <p className="muted" data-testid="task-summary">
                {tasks.length}
                {next !== null && '+'} {tasks.length === 1 && next === null ? 'task' : 'tasks'}
                {overdue > 0 && `, ${overdue} overdue`}
              </p>
              <table className="table" data-testid="task-list">
                <thead>
                  <tr>
                    <th scope="col">Due</th>
                    <th scope="col">Task</th>
                    <th scope="col">Constituent</th>
                    <th scope="col">Assigned to</th>
                    <th scope="col">Status</th>
                    {canChange && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((t) => (
                    <tr key={t.id} className={isOverdue(t, day) ? 'row-overdue' : undefined}>
                      <td>
                        {t.due_on ? formatDate(t.due_on) : '—'}
                        {isOverdue(t, day) && <span className="tag tag-warn">overdue</span>}
                      </td>
                      <td>
                        {t.title}
                        {t.details && <div className="muted">{t.details}</div>}
                      </td>
                      <td>{t.constituent_id ? <Link to={`/constituents/${t.constituent_id}`}>Open record #{t.constituent_id}</Link> : '—'}</td>
                      <td>{t.assignee}</td>
                      <td>{t.status}</td>
                      {canChange && (
                        <td>
                          {t.status !== 'cancelled' && <TaskActions task={t} onChanged={reload} />}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {next !== null && (
                <div className="actions">
                  <button type="button" className="button button-small" disabled={loadingMore} onClick={() => void loadMore(next)}>
                    {loadingMore ? 'Loading…' : 'Load more'}
                  </button>
                </div>
              )}
              {moreError && (
                <p role="alert" className="error">
                  {moreError}
                </p>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
