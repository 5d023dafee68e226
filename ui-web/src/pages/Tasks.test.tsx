// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../session/session';
import { TasksPage } from './Tasks';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = { id: 1, username: 'kim', display_name: '김', role: 'fundraiser', restricted_access: false, must_change_password: false, totp_enabled: false };

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

function renderWith(tasks: (url: string) => Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation((url: string) =>
      url.startsWith('/api/v1/session') ? json(200, { user, csrf_token: 't', second_factor_required: false }) : tasks(url),
    ),
  );
  render(
    <MemoryRouter initialEntries={['/tasks']}>
      <SessionProvider>
        <TasksPage />
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('tasks page', () => {
  it('lists my open tasks, overdue first and marked, with Hangul titles', async () => {
    const calls: string[] = [];
    renderWith((url) => {
      calls.push(url);
      return json(200, {
        items: [
          { id: 2, assignee: 'kim', title: '전화 드리기', details: null, due_on: '2999-01-01', constituent_id: 5, status: 'open', completed_at: null },
          { id: 1, assignee: 'kim', title: '감사 편지', details: null, due_on: '2000-01-01', constituent_id: null, status: 'open', completed_at: null },
        ],
        next_after: null,
      });
    });
    const rows = await screen.findAllByRole('row');
    expect(rows[1].textContent).toContain('감사 편지');
    expect(rows[1].textContent).toContain('overdue');
    expect(rows[2].textContent).toContain('전화 드리기');
    expect(screen.getByTestId('task-summary').textContent).toBe('2 tasks, 1 overdue');
    expect(calls[0]).toBe('/api/v1/tasks?status=open&assigned_to=me');
    expect(screen.getAllByRole('button', { name: /^Complete/ }).length).toBe(2);
  });

  it('loads more tasks from next_after', async () => {
    const calls: string[] = [];
    const task = (id: number, title: string) => ({ id, assignee: 'kim', title, details: null, due_on: '2999-01-0' + id, constituent_id: null, status: 'open', completed_at: null });
    renderWith((url) => {
      calls.push(url);
      if (url.includes('after=2')) return json(200, { items: [task(3, '세 번째')], next_after: null });
      return json(200, { items: [task(1, '첫 번째'), task(2, '두 번째')], next_after: 2 });
    });
    expect((await screen.findByTestId('task-summary')).textContent).toBe('2+ tasks');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('세 번째')).toBeTruthy();
    expect(calls[1]).toBe('/api/v1/tasks?status=open&assigned_to=me&after=2');
    expect(screen.getByTestId('task-summary').textContent).toBe('3 tasks');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the empty state, and the error state with Try again', async () => {
    renderWith(() => json(200, { items: [], next_after: null }));
    expect(await screen.findByText('No open tasks. Well done.')).toBeTruthy();
    cleanup();
    let fail = true;
    renderWith(() => (fail ? json(500, { title: 'internal error' }) : json(200, { items: [], next_after: null })));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toContain('internal error');
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText('No open tasks. Well done.')).toBeTruthy();
  });
});
