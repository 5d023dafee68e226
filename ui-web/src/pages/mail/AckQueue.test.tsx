// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckQueuePage } from './AckQueue';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function reply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const base = { constituent_id: 1, amount_minor: 5000, currency: 'USD', channel: 'email', reason: '', personal_call: false, in_flight: false, email: 'minji@example.com' };
const queue = {
  items: [
    { ...base, gift_id: 11, donor: '김민지', received_on: '2026-11-01', due_by: '2026-11-04T00:00:00Z', overdue: true, due_soon: false },
    { ...base, gift_id: 12, donor: 'Grace Lee', received_on: '2026-11-27', due_by: '2026-11-30T00:00:00Z', overdue: false, due_soon: true },
    { ...base, gift_id: 13, donor: '박서연', received_on: '2026-11-29', due_by: '2026-12-02T00:00:00Z', overdue: false, due_soon: false },
  ],
  counts: { total: 640, overdue: 512, due_soon: 9 },
  thank_within_hours: 48,
};

function renderQueue(body: unknown) {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(() => reply(200, body)));
  render(
    <MemoryRouter>
      <AckQueuePage />
    </MemoryRouter>,
  );
}

describe('acknowledgment queue page', () => {
  it('marks overdue gifts with a badge and shows the counts of the whole queue', async () => {
    renderQueue(queue);
    const table = await screen.findByTestId('ack-queue');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByText('Overdue')).toBeTruthy();
    expect(rows[1].textContent).toContain('김민지');
    expect(within(rows[2]).queryByText('Overdue')).toBeNull();
    expect(within(rows[2]).getByText('Due soon')).toBeTruthy();
    expect(within(rows[3]).queryByText('Overdue')).toBeNull();
    expect(within(rows[3]).queryByText('Due soon')).toBeNull();
    const counts = screen.getByTestId('ack-deadline-counts').textContent ?? '';
    expect(counts).toContain('512 overdue');
    expect(counts).toContain('640 waiting: 512 overdue, 9 due within 24 hours (thank within 48 hours');
    expect(counts).toContain('The 3 waiting longest are listed');
  });

  it('lists only the overdue in the Overdue view', async () => {
    renderQueue(queue);
    await screen.findByTestId('ack-queue');
    fireEvent.click(screen.getByRole('radio', { name: /Overdue \(1\)/ }));
    const rows = within(screen.getByTestId('ack-queue')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('김민지');
  });

  it('shows no overdue badge or warning when nothing is late', async () => {
    renderQueue({ items: [queue.items[2]], counts: { total: 1, overdue: 0, due_soon: 0 }, thank_within_hours: 72 });
    const table = await screen.findByTestId('ack-queue');
    expect(within(table).queryByText('Overdue')).toBeNull();
    const counts = screen.getByTestId('ack-deadline-counts').textContent ?? '';
    expect(counts).toBe('1 waiting: 0 overdue, 0 due within 24 hours (thank within 72 hours of the day a gift was received).');
  });
});
