// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppealSendPage } from './AppealSendPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function sendPageReply(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

const baseSend = { id: 3, appeal_id: 8, segment_id: 2, template_name: 'appeal', mailer: 'org.steward.mail.file', rate_per_minute: 60, recipients: 3, excluded: {}, created_by: 'user:kim', created_at: '2026-11-29T10:00:00Z', job_id: 1 };
const recipients = [
  { constituent_id: 11, address: 'minji@example.org', state: 'sent', attempts: 1, reply: '250 ok' },
  { constituent_id: 12, address: 'seoyeon@example.org', state: 'rejected', attempts: 1, reply: '550 no such user' },
  { constituent_id: 13, address: 'jiho@example.org', state: 'sent', attempts: 1, reply: '250 ok' },
];

function renderSend(send: object) {
  const fetchMock = vi.fn().mockImplementation((url: string) => sendPageReply(url.endsWith('/recipients') ? { items: recipients } : send));
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MemoryRouter initialEntries={['/appeal-sends/3']}>
      <Routes>
        <Route path="/appeal-sends/:id" element={<AppealSendPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return fetchMock;
}

describe('appeal send page', () => {
  it('shows a finished send at 100% with each state, filters recipients, and offers no Cancel', async () => {
    const fetchMock = renderSend({ ...baseSend, status: 'finished', finished_at: '2026-11-29T10:05:00Z', states: { sent: 2, rejected: 1 } });
    expect(await screen.findByText(/^3 of 3 done \(100%\)/)).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByTestId('send-states').textContent).toBe('Sent: 2Rejected: 1');
    expect(screen.queryByRole('button', { name: 'Cancel sending' })).toBeNull();
    await screen.findByText('550 no such user');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'rejected' } });
    const rows = within(screen.getByTestId('send-recipients')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('seoyeon@example.org');
    // Finished: read once, no polling.
    expect(fetchMock.mock.calls.filter(([u]) => u === '/api/v1/appeal-sends/3')).toHaveLength(1);
  });

  it('shows a running send with its progress and the Cancel button', async () => {
    renderSend({ ...baseSend, status: 'sending', finished_at: null, states: { sent: 1, queued: 2 } });
    expect(await screen.findByText('1 of 3 done (33%)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel sending' })).toBeTruthy();
    expect(screen.getByTestId('send-status').textContent).toBe('Sending');
  });
});
