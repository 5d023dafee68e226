import { describe, expect, it, vi } from 'vitest';
import { startDashboardEarly, takeEarlyDashboard } from './earlyDashboard';

function reply(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('early dashboard data', () => {
  it('starts only on the dashboard and hands the answer over once', async () => {
    const fetcher = vi.fn().mockImplementation(() => reply(200, { as_of: '2026-11-29' }));
    startDashboardEarly('/constituents', fetcher);
    expect(fetcher).not.toHaveBeenCalled();
    expect(await takeEarlyDashboard()).toBeNull();
    startDashboardEarly('/', fetcher);
    expect(fetcher).toHaveBeenCalledWith('/api/v1/dashboard', expect.objectContaining({ credentials: 'same-origin' }));
    expect(await takeEarlyDashboard()).toEqual({ as_of: '2026-11-29' });
    expect(await takeEarlyDashboard()).toBeNull();
  });
  it('gives nothing when the early request was refused or failed', async () => {
    startDashboardEarly('/', vi.fn().mockImplementation(() => reply(401, { type: 'unauthenticated' })));
    expect(await takeEarlyDashboard()).toBeNull();
    startDashboardEarly('/', vi.fn().mockRejectedValue(new Error('offline')));
    expect(await takeEarlyDashboard()).toBeNull();
  });
});
