import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { anyOngoing, cancelRun, runKindKey, runPercent, runYear } from './mailRuns';

afterEach(() => vi.unstubAllGlobals());

const progress = (done: number, total: number) => ({ total, done, emailed: 0, printed: 0, skipped: 0, failed: 0 });

describe('mail runs', () => {
  it('shows the share handled, rounded down, never over 100%', () => {
    expect(runPercent({ status: 'running', progress: progress(1, 3) })).toBe(33);
    expect(runPercent({ status: 'running', progress: progress(0, 0) })).toBe(0);
    expect(runPercent({ status: 'finished', progress: progress(0, 0) })).toBe(100);
    expect(runPercent({ status: 'finished', progress: progress(5, 4) })).toBe(100);
  });

  it('names the kind and the statement year', () => {
    expect(runKindKey({ kind: 'thank' })).toBe('mailRuns.kind.thank');
    expect(runKindKey({ kind: 'statements' })).toBe('mailRuns.kind.statements');
    expect(runKindKey({ kind: 'other' })).toBe('mailRuns.kind.other');
    expect(runYear({ kind: 'statements', options: { request: { year: 2025 } } })).toBe(2025);
    expect(runYear({ kind: 'thank', options: { request: { year: 2025 } } })).toBeNull();
  });

  it('knows when a run in the list is still going', () => {
    expect(anyOngoing([{ status: 'finished' }, { status: 'running' }])).toBe(true);
    expect(anyOngoing([{ status: 'queued' }])).toBe(true);
    expect(anyOngoing([{ status: 'finished' }, { status: 'cancelled' }, { status: 'failed' }])).toBe(false);
  });

  it('posts the cancel and answers the run, null when it had ended (409), and throws other errors', async () => {
    const reply = (status: number, body: unknown) =>
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }));
    const fetchMock = vi.fn().mockImplementationOnce(() => reply(200, { id: 5, status: 'cancelled' }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await cancelRun(5)).toEqual({ id: 5, status: 'cancelled' });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/mail/runs/5/cancel');
    expect(fetchMock.mock.calls[0][1].method).toBe('POST');
    fetchMock.mockImplementationOnce(() => reply(409, { type: 'https://steward.invalid/problems/state', title: 'precondition failed', status: 409 }));
    expect(await cancelRun(5)).toBeNull();
    fetchMock.mockImplementationOnce(() => reply(403, { type: 'https://steward.invalid/problems/forbidden', title: 'your role may not do this', status: 403 }));
    await expect(cancelRun(5)).rejects.toBeInstanceOf(ApiError);
  });
});
