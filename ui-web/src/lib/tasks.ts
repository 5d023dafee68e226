// Task list helpers: which tasks are overdue on a day, and the list split for the Tasks page.
import type { Task } from '../api/crm';

export function isOverdue(task: Task, day: string): boolean {
  return task.status === 'open' && task.due_on !== null && task.due_on < day;
}

// Overdue first (oldest due first), then the rest by due day, undated last.
export function orderTasks(tasks: Task[], day: string): Task[] {
  return [...tasks].sort((a, b) => {
    const ao = isOverdue(a, day) ? 0 : 1;
    const bo = isOverdue(b, day) ? 0 : 1;
    if (ao !== bo) return ao - bo;
    if (a.due_on === b.due_on) return a.id - b.id;
    if (a.due_on === null) return 1;
    if (b.due_on === null) return -1;
    return a.due_on.localeCompare(b.due_on);
  });
}
