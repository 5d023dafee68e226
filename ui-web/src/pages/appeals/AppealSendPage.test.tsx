// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SendRecipient } from '../../lib/appealMail';
import { AppealSendPage } from './AppealSendPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function sendPageReply(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

const baseSend = { id: 3, appeal_id: 8, segment_id: 2, template_name: 'appeal', mailer: 'org.steward.mail.file', rate_per_minute: 60, recipients: 3, excluded: {}, created_by: 'user:kim', created_at: '2026-11-29T10:00:00Z', job_id: 1 };
const recipients: SendRecipient[] = [
  { id: 1, constituent_id: 11, display_name: '김민지', sort_name: '김민지', address: 'minji@example.org', state: 'sent', attempts: 1, reply: '250 ok' },
  { id: 2, constituent_id: 12, display_name: 'Seoyeon Park', sort_name: 'Park, Seoyeon', address: 'seoyeon@example.org', state: 'rejected', attempts: 1, reply: '550 no such user' },
  { id: 3, constituent_id: 13, display_name: 'Jiho Lee', sort_name: 'Lee, Jiho', address: 'jiho@example.org', state: 'sent', attempts: 1, reply: '250 ok' },
];

// The server's answer for a recipients URL: the state filter and the cursor as it applies them.
function recipientsReply(url: string) {
  const q = new URL(url, 'http://localhost').searchParams;
  const state = q.get('state') ?? '';
  const after = Number(q.get('after') ?? 0);
  const limit = Number(q.get('limit') ?? 50);
  const matching = recipients.filter((r) => (!state || r.state === state || (state === 'failed' && ['rejected', 'skipped'].includes(r.state))) && (r.id ?? 0) > after);
  const items = matching.slice(0, limit);
  // One restricted donor (sent) is left out for this user.
  return { items, next_after: matching.length > limit ? items[items.length - 1].id : null, hidden: !state || state === 'sent' ? 1 : 0, hidden_by_state: { sent: 1 } };
}

function renderSend(send: object) {
  const fetchMock = vi.fn().mockImplementation((url: string) => sendPageReply(url.includes('/recipients') ? recipientsReply(url) : send));
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
    // Names link to the donor; the restricted one the server left out is counted.
    expect(screen.getByRole('link', { name: '김민지' }).getAttribute('href')).toBe('/constituents/11');
    expect(screen.getByTestId('recipients-hidden').textContent).toContain('1 restricted');
    const tabs = within(screen.getByTestId('recipient-tabs'));
    // Each button's count says how many of it this user cannot see.
    expect((await tabs.findByRole('button', { name: 'All 3 (1 hidden)' })).getAttribute('aria-pressed')).toBe('true');
    expect(tabs.getByRole('button', { name: 'Sent 2 (1 hidden)' })).toBeTruthy();
    fireEvent.click(tabs.getByRole('button', { name: 'Failed (rejected or skipped) 1' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/recipients?state=failed&limit=50'))).toBe(true));
    await vi.waitFor(() => expect(within(screen.getByTestId('send-recipients')).getAllByRole('row')).toHaveLength(2));
    fireEvent.click(tabs.getByRole('button', { name: 'Rejected 1' }));
    expect(await screen.findByText('Seoyeon Park')).toBeTruthy();
    await vi.waitFor(() => expect(within(screen.getByTestId('send-recipients')).getAllByRole('row')).toHaveLength(2));
    const rows = within(screen.getByTestId('send-recipients')).getAllByRole('row');
    expect(rows[1].textContent).toContain('seoyeon@example.org');
    expect(tabs.getByRole('button', { name: 'Rejected 1' }).getAttribute('aria-pressed')).toBe('true');
    // The server filtered: the page asked for that state.
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/recipients?state=rejected&limit=50'))).toBe(true);
    // Finished: read once, no polling.
    expect(fetchMock.mock.calls.filter(([u]) => u === '/api/v1/appeal-sends/3')).toHaveLength(1);
  });

  it('loads the next page from the server cursor', async () => {
    const many: SendRecipient[] = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, constituent_id: 100 + i, display_name: `Donor ${i + 1}`, address: `d${i + 1}@example.org`, state: 'sent', attempts: 1, reply: null }));
    recipients.splice(0, recipients.length, ...many);
    const fetchMock = renderSend({ ...baseSend, recipients: 60, status: 'finished', finished_at: '2026-11-29T10:05:00Z', states: { sent: 60 } });
    await screen.findByText('Donor 50');
    expect(screen.queryByText('Donor 51')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Donor 60')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/recipients?limit=50&after=50'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows a running send with its progress and the Cancel button', async () => {
    renderSend({ ...baseSend, status: 'sending', finished_at: null, states: { sent: 1, queued: 2 } });
    expect(await screen.findByText('1 of 3 done (33%)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel sending' })).toBeTruthy();
    expect(screen.getByTestId('send-status').textContent).toBe('Sending');
  });

  it('still says the send was cancelled once the Cancel button has gone', async () => {
    const running = { ...baseSend, status: 'sending', finished_at: null, states: { sent: 1, queued: 2 } };
    const fetchMock = vi.fn().mockImplementation((url: string, init?: RequestInit) =>
      sendPageReply(url.includes('/recipients') ? recipientsReply(url) : init?.method === 'POST' ? { ...running, status: 'cancelled', states: { sent: 1, cancelled: 2 } } : running),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(
      <MemoryRouter initialEntries={['/appeal-sends/3']}>
        <Routes>
          <Route path="/appeal-sends/:id" element={<AppealSendPage />} />
        </Routes>
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel sending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sending' }));
    expect(await screen.findByText('The send was cancelled.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel sending' })).toBeNull();
  });
});
