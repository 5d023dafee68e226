import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiPath, errorMessage, problemType, request, setAuthHandlers, setCsrfToken } from './client';

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
});

describe('api client', () => {
  it('sends JSON and the CSRF token on changes, not on reads', async () => {
    const fetchMock = vi.fn().mockImplementation(() => Promise.resolve(reply(200, { ok: true }, { ETag: '"abc"' })));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    const r = await request('PUT', '/api/v1/x', { body: { name: '김미영' }, headers: { 'If-Match': '"abc"' } });
    expect(r.etag).toBe('"abc"');
    const [, init] = fetchMock.mock.calls[0];
    expect(init.headers['X-CSRF-Token']).toBe('tok');
    expect(init.headers['If-Match']).toBe('"abc"');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ name: '김미영' });
    await request('GET', '/api/v1/x');
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBeUndefined();
  });

  it('turns problem+json into an ApiError with field messages', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        reply(422, {
          type: 'https://steward.invalid/problems/validation',
          title: 'the request has invalid fields',
          status: 422,
          detail: 'amount: is not an amount in USD',
          errors: [{ field: 'amount', message: 'is not an amount in USD' }],
        }),
      ),
    );
    const error = await request('POST', '/api/v1/gifts', { body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.type).toBe('validation');
    expect(error.fieldMessage('amount')).toBe('is not an amount in USD');
    expect(errorMessage(error)).toContain('amount: is not an amount in USD');
  });

  it('sends the user back to sign-in on 401, except while signing in', async () => {
    const unauthorized = vi.fn();
    setAuthHandlers({ unauthorized, passwordChangeRequired: vi.fn() });
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(reply(401, { title: 'unauthenticated' }))));
    await request('GET', '/api/v1/funds').catch(() => {});
    expect(unauthorized).toHaveBeenCalledTimes(1);
    await request('POST', '/api/v1/session', { body: {}, expectUnauthorized: true }).catch(() => {});
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('routes a required password change to the password step', async () => {
    const passwordChangeRequired = vi.fn();
    setAuthHandlers({ unauthorized: vi.fn(), passwordChangeRequired });
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(reply(403, { type: 'https://steward.invalid/problems/password-change-required', title: 'x' })),
    );
    await request('GET', '/api/v1/funds').catch(() => {});
    expect(passwordChangeRequired).toHaveBeenCalled();
  });

  it('says so when the server cannot be reached, and explains a 412', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await request('GET', '/api/v1/funds').catch((e) => e);
    expect(error.status).toBe(0);
    expect(errorMessage(error)).toMatch(/cannot be reached/);
    expect(errorMessage(new ApiError(412, { title: 'stale' }))).toMatch(/changed by someone else/);
  });

  it('builds paths leaving out empty parameters and encoding Hangul', () => {
    expect(apiPath('/constituents', { q: '김 미영', kind: '', after: null, limit: 50 })).toBe(
      '/api/v1/constituents?q=%EA%B9%80+%EB%AF%B8%EC%98%81&limit=50',
    );
    expect(problemType(undefined)).toBe('');
  });
});

describe('a spurious 401', () => {
  it('is retried once when the session is still valid, without signing the user out', async () => {
    const unauthorized = vi.fn();
    setAuthHandlers({ unauthorized, passwordChangeRequired: vi.fn() });
    const fetchMock = vi
      .fn()
      .mockImplementationOnce(() => Promise.resolve(reply(401, { title: 'unauthenticated' })))
      .mockImplementationOnce(() => Promise.resolve(reply(200, { user: {} })))
      .mockImplementationOnce(() => Promise.resolve(reply(200, { items: [] })));
    vi.stubGlobal('fetch', fetchMock);
    const r = await request<{ items: unknown[] }>('GET', '/api/v1/funds');
    expect(r.data.items).toEqual([]);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/session');
    expect(unauthorized).not.toHaveBeenCalled();
  });
});
