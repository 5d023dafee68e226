// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchList } from './BatchList';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const usd = (minor: number) => ({ minor, currency: 'USD', amount: (minor / 100).toFixed(2) });
const batch = (id: number, status: string, expected: [number, number], actual: [number, number]) => ({
  id,
  name: `${id}월 예금`,
  status,
  expected_count: expected[0],
  expected_total: usd(expected[1]),
  actual_count: actual[0],
  actual_total: usd(actual[1]),
  closed_at: status === 'closed' ? '2026-03-02T10:00:00Z' : null,
  created_by: 'user:kim',
  created_at: '2026-03-01T10:00:00Z',
});

describe('batch list', () => {
  it('shows open batches with control vs entered, filters by status', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn().mockImplementation((url: string) => {
        calls.push(url);
        const items = url.includes('status=closed') ? [batch(3, 'closed', [1, 1000], [1, 1000])] : [batch(5, 'open', [2, 3000], [1, 1250]), batch(4, 'open', [1, 500], [2, 900])];
        return Promise.resolve(new Response(JSON.stringify({ items, next_after: null }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
      }),
    );
    render(
      <MemoryRouter>
        <BatchList />
      </MemoryRouter>,
    );
    expect(await screen.findByText('5월 예금')).toBeTruthy();
    expect(calls[0]).toBe('/api/v1/batches?status=open&limit=25');
    expect(screen.getByText('2 · $30.00')).toBeTruthy();
    expect(screen.getByText('1 · $12.50')).toBeTruthy();
    expect(screen.getByText('short')).toBeTruthy();
    expect(screen.getByText('over')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'closed' } });
    expect(await screen.findByText('3월 예금')).toBeTruthy();
    expect(screen.getByText('balances')).toBeTruthy();
    expect(calls[1]).toBe('/api/v1/batches?status=closed&limit=25');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'all' } });
    await screen.findByText('5월 예금');
    expect(calls[2]).toBe('/api/v1/batches?limit=25');
  });
});
