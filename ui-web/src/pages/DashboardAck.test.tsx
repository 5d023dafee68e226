// @vitest-environment jsdom
// The dashboard's "waiting for a thank-you" card and its overdue count (decision 0220).
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../api/dashboard';
import { DashboardPage } from './Dashboard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const usd = (minor: number) => ({ amount: (minor / 100).toFixed(2), currency: 'USD', minor });
const dashboard: Dashboard = {
  as_of: '2026-11-30',
  currency: 'USD',
  year_to_date: { this_year: usd(100000), last_year: usd(90000), this_year_gifts: 10, last_year_gifts: 9 },
  this_month: { gift_count: 2, total: usd(20000) },
  donors: { new_this_year: 1, lapsed_this_year: 0, retained_this_year: 3, last_year_donors: 3 },
  recurring: { monthly: usd(5000), plan_count: 1 },
  needs: [],
  trend: [],
  my_tasks: [],
  recent_gifts: [],
  unacknowledged_gifts: 7,
  unacknowledged_overdue: 5,
};

function renderDashboard(body: Dashboard) {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }))));
  render(
    <MemoryRouter>
      <DashboardPage />
    </MemoryRouter>,
  );
}

describe('dashboard: gifts waiting for a thank-you', () => {
  it('shows how many are overdue, linking to the Mail page', async () => {
    renderDashboard(dashboard);
    const overdue = await screen.findByTestId('dash-ack-overdue');
    expect(overdue.textContent).toBe('5 overdue');
    expect(screen.getByRole('link', { name: '5 overdue' }).getAttribute('href')).toBe('/mail');
    expect(screen.getByText('7')).toBeTruthy();
  });

  it('says nothing about overdue gifts when none is late', async () => {
    renderDashboard({ ...dashboard, unacknowledged_overdue: 0 });
    await screen.findByText('7');
    expect(screen.queryByTestId('dash-ack-overdue')).toBeNull();
  });
});
