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
import { LoadMore } from '../components/LoadMore';
import { Empty, Loaded } from '../components/States';
import { formatDate, today } from '../lib/format';
import { useLoad } from '../lib/hooks';
import { isOverdue, orderTasks } from '../lib/tasks';
import { useI18n } from '../i18n/i18n';
import { canChangeDonors, useSession } from '../session/session';
import { TaskActions } from './TaskActions';

export function TasksPage() {
  const session = useSession();
  const { t, tx } = useI18n();
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
        <h1>{t('tasks.title')}</h1>
      </div>
      <div className="toolbar">
        <SelectField label={t('common.status')} value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="open">{t('taskStatus.open')}</option>
          <option value="done">{t('taskStatus.done')}</option>
          <option value="cancelled">{t('taskStatus.cancelled')}</option>
          <option value="all">{t('common.all')}</option>
        </SelectField>
        <SelectField label={t('tasks.assignedTo')} value={whose} onChange={(e) => set('whose', e.target.value)}>
          <option value="me">{t('tasks.me')}</option>
          <option value="all">{t('tasks.everyone')}</option>
        </SelectField>
      </div>
      <Loaded load={load} retry={reload}>
        {(page) => {
          const tasks = orderTasks([...page.items, ...(more?.items ?? [])], day);
          const next = more ? more.next : page.next_after;
          const overdue = tasks.filter((task) => isOverdue(task, day)).length;
          return tasks.length === 0 ? (
            <Empty>{status === 'open' ? t('tasks.noneOpen') : t('tasks.none')}</Empty>
          ) : (
            <>
              <p className="muted" data-testid="task-summary">
                {tasks.length === 1 && next === null ? t('tasks.countOne') : t('tasks.count', { count: `${tasks.length}${next !== null ? '+' : ''}` })}
                {overdue > 0 && t('tasks.overdueCount', { count: overdue })}
              </p>
              <table className="table" data-testid="task-list">
                <thead>
                  <tr>
                    <th scope="col">{t('tasks.due')}</th>
                    <th scope="col">{t('tasks.task')}</th>
                    <th scope="col">{t('tasks.constituent')}</th>
                    <th scope="col">{t('tasks.assignedTo')}</th>
                    <th scope="col">{t('common.status')}</th>
                    {canChange && <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>}
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((task) => (
                    <tr key={task.id} className={isOverdue(task, day) ? 'row-overdue' : undefined}>
                      <td>
                        {task.due_on ? formatDate(task.due_on) : '—'}
                        {isOverdue(task, day) && <span className="tag tag-warn">{t('tasks.overdue')}</span>}
                      </td>
                      <td>
                        {task.title}
                        {task.details && <div className="muted">{task.details}</div>}
                      </td>
                      <td>{task.constituent_id ? <Link to={`/constituents/${task.constituent_id}`}>{t('tasks.openRecord', { id: task.constituent_id })}</Link> : '—'}</td>
                      <td>{task.assignee}</td>
                      <td>{tx(`taskStatus.${task.status}`)}</td>
                      {canChange && (
                        <td>
                          {task.status !== 'cancelled' && <TaskActions task={task} onChanged={reload} />}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore next={next} busy={loadingMore} error={moreError} onMore={(after) => void loadMore(after)} errorClass="error" />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
