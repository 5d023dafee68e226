// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunPage } from './RunPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function reply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const base = { id: 4, kind: 'thank', created_by: 'user:kim', created_at: '2026-11-29T10:00:00Z', options: {}, documents: {}, send: true, letters_pdf: '', tribute_letters_pdf: '' };
const letter = { gift_id: 9, constituent_id: 11, donor: '김민지', language: 'ko', state: 'printed', detail: '', personal_call: false, reason: 'no email address' };

function renderRun(fetchMock: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MemoryRouter initialEntries={['/mail/runs/4']}>
      <Routes>
        <Route path="/mail/runs/:id" element={<RunPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('a mail run page', () => {
  it('shows a finished run with its counts, PDF and each donor, read once and without Cancel', async () => {
    const fetchMock = vi.fn().mockImplementation(() =>
      reply(200, { ...base, status: 'finished', finished_at: '2026-11-29T10:01:00Z', letters_pdf: '/api/v1/mail/documents/letters-4.pdf', progress: { total: 1, done: 1, emailed: 0, printed: 1, skipped: 0, failed: 0 }, messages: [], letters: [letter] }),
    );
    renderRun(fetchMock);
    expect((await screen.findByTestId('run-state')).textContent).toBe('finished');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('#4 Thank-yous');
    expect(screen.getByText('1 of 1 done: 0 emailed, 1 printed, 0 skipped, 0 failed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download letters (PDF)' }).getAttribute('href')).toBe('/api/v1/mail/documents/letters-4.pdf');
    expect(screen.getByRole('link', { name: '김민지' }).getAttribute('href')).toBe('/constituents/11');
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('cancels a running run after the confirm and shows it cancelled', async () => {
    const running = { ...base, status: 'running', progress: { total: 3, done: 1, emailed: 1, printed: 0, skipped: 0, failed: 0 }, messages: [], letters: [] };
    const fetchMock = vi.fn().mockImplementation((_url: string, init?: RequestInit) => reply(200, init?.method === 'POST' ? { ...running, status: 'cancelled', finished_at: '2026-11-29T10:02:00Z' } : running));
    renderRun(fetchMock);
    expect((await screen.findByTestId('run-status')).textContent).toContain('1 of 3 done');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop the run' }));
    expect(await screen.findByText('The run was cancelled.')).toBeTruthy();
    expect(screen.getByTestId('run-state').textContent).toBe('cancelled');
    expect(fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[0]).toBe('/api/v1/mail/runs/4/cancel');
  });
});
