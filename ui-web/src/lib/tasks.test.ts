import { describe, expect, it } from 'vitest';
import type { Task } from '../api/crm';
import { isOverdue, orderTasks } from './tasks';

const task = (id: number, due_on: string | null, status: Task['status'] = 'open'): Task => ({
  id, assignee: 'admin', title: `할 일 ${id}`, details: null, due_on, constituent_id: null, status, completed_at: null,
});

describe('tasks', () => {
  it('is overdue only when open and due before today', () => {
    expect(isOverdue(task(1, '2026-03-01'), '2026-03-02')).toBe(true);
    expect(isOverdue(task(1, '2026-03-02'), '2026-03-02')).toBe(false);
    expect(isOverdue(task(1, '2026-03-01', 'done'), '2026-03-02')).toBe(false);
    expect(isOverdue(task(1, null), '2026-03-02')).toBe(false);
  });

  it('lists overdue first, then by due day, undated last', () => {
    const list = [task(1, null), task(2, '2026-04-01'), task(3, '2026-02-01'), task(4, '2026-03-05'), task(5, '2026-01-01', 'done')];
    expect(orderTasks(list, '2026-03-02').map((t) => t.id)).toEqual([3, 5, 4, 2, 1]);
  });
});
