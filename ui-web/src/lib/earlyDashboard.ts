// The dashboard's first load (decision 0213): when the app opens on "/", main.tsx starts the
// dashboard's code and its data at once, in parallel with the session check, instead of one
// after the other. The data is used once, by the first dashboard shown, and only when the
// request succeeded (signed out or a password change pending: the page asks again itself).
import { apiPath } from '../api/client';

let early: Promise<unknown> | null = null;

export function startDashboardEarly(path: string, fetcher: typeof fetch = fetch): void {
  if (path !== '/') return;
  import('../pages/Dashboard').catch(() => undefined);
  early = fetcher(apiPath('/dashboard'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
}

// The early answer (once), or null when there is none or it failed.
export async function takeEarlyDashboard<T>(): Promise<T | null> {
  const pending = early;
  early = null;
  if (!pending) return null;
  return ((await pending) as T | null) ?? null;
}
