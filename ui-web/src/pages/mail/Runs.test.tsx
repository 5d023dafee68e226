// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunsPage } from './Runs';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function reply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
}

const running = { id: 7, kind: 'thank', status: 'running', created_by: 'user:kim', created_at: '2026-11-29T10:00:00Z', options: {}, progress: { total: 4, done: 1, emailed: 1, printed: 0, skipped: 0, failed: 0 } };
const finished = { id: 6, kind: 'statements', status: 'finished', created_by: 'user:lee', created_at: '2026-11-28T09:00:00Z', options: { request: { year: 2025 } }, progress: { total: 2, done: 2, emailed: 1, printed: 1, skipped: 0, failed: 0 } };

function renderRuns(fetchMock: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MemoryRouter>
      <RunsPage />
    </MemoryRouter>,
  );
}

describe('mail runs page', () => {
  it('lists each run with its kind, state, progress, counts and who started it, linking to the run', async () => {
    renderRuns(vi.fn().mockImplementation(() => reply(200, { items: [running, finished] })));
    const table = await screen.findByTestId('mail-runs');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('link', { name: '#7 Thank-yous' }).getAttribute('href')).toBe('/mail/runs/7');
    expect(rows[1].textContent).toContain('running');
    expect(rows[1].textContent).toContain('1 of 4 (25%)');
    expect(rows[1].textContent).toContain('by user:kim');
    expect(within(rows[2]).getByRole('link', { name: '#6 Year-end statements 2025' })).toBeTruthy();
    expect(rows[2].textContent).toContain('2 of 2 (100%)');
    // Only the running run can be cancelled.
    expect(within(rows[1]).getByRole('button', { name: 'Cancel run' })).toBeTruthy();
    expect(within(rows[2]).queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('asks before cancelling, posts the cancel, says so and reads the list again', async () => {
    let cancelled = false;
    const fetchMock = vi.fn().mockImplementation((_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        cancelled = true;
        return reply(200, { ...running, status: 'cancelled' });
      }
      return reply(200, { items: [cancelled ? { ...running, status: 'cancelled' } : running, finished] });
    });
    renderRuns(fetchMock);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel run' }));
    expect(screen.getByText(/Stop this run\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop the run' }));
    expect(await screen.findByText('cancelled')).toBeTruthy();
    expect(screen.getByTestId('cancel-notice').textContent).toBe('#7: The run was cancelled.');
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0][0]).toBe('/api/v1/mail/runs/7/cancel');
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('says when there are no runs yet, and shows an error with Try again', async () => {
    renderRuns(vi.fn().mockImplementation(() => reply(200, { items: [] })));
    expect(await screen.findByText('No thank-yous or statements have been sent yet.')).toBeTruthy();
    cleanup();
    renderRuns(vi.fn().mockImplementation(() => reply(403, { type: 'https://steward.invalid/problems/forbidden', title: 'your role may not do this', status: 403 })));
    expect((await screen.findByRole('alert')).textContent).toContain('your role may not do this');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
