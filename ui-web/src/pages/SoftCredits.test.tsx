// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoftCredits } from './SoftCredits';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const credit = (id: number, name: string, minor: number) => ({
  id,
  gift_id: 100 + id,
  donor: { id: 10 + id, display_name: name },
  role: 'household_member',
  amount: { minor, currency: 'USD', amount: (minor / 100).toFixed(2) },
  received_on: '2026-10-01',
  gift_status: 'completed',
});

function renderWith(answer: (url: string) => Promise<Response>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn().mockImplementation((url: string) => {
      calls.push(url);
      return answer(url);
    }),
  );
  render(
    <MemoryRouter>
      <SoftCredits constituentId={7} />
    </MemoryRouter>,
  );
  return calls;
}

describe('soft credits', () => {
  it('lists the credits and appends the next page with Load more', async () => {
    const calls = renderWith((url) =>
      url.includes('after=')
        ? json(200, { items: [credit(1, '이하늘', 2500)], next_after: null })
        : json(200, { items: [credit(3, '김민지', 5000), credit(2, 'Anna Lee', 1000)], next_after: 2 }),
    );
    expect(await screen.findByText('김민지')).toBeTruthy();
    expect(screen.getByText('$50.00')).toBeTruthy();
    expect(screen.getAllByText('household member').length).toBe(2);
    expect(screen.getByTestId('soft-credit-count').textContent).toBe('2 soft credits shown; there are more');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('이하늘')).toBeTruthy();
    expect(calls[0]).toBe('/api/v1/constituents/7/soft-credits?limit=25');
    expect(calls[1]).toBe('/api/v1/constituents/7/soft-credits?limit=25&after=2');
    expect(screen.getByTestId('soft-credit-count').textContent).toBe('3 soft credits');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
  it('shows the empty state and errors', async () => {
    renderWith(() => json(200, { items: [], next_after: null }));
    expect(await screen.findByText(/No soft credits/)).toBeTruthy();
    cleanup();
    renderWith(() => json(500, { title: 'internal error', status: 500 }));
    expect((await screen.findByRole('alert')).textContent).toContain('internal error');
  });
});
