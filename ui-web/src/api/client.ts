// The one way the UI talks to the server: JSON in and out, the session's CSRF token on every
// change, problem+json errors turned into ApiError (with per-field messages), and a 401
// handed to the session layer (which shows the sign-in page).

export interface FieldError {
  field: string;
  // In the user's language when the dictionaries know the code (lib/fieldErrors.ts), else the
  // server's English.
  message: string;
  // Machine-readable kind of error (required, too-long, invalid-date, ...), when the server sends it.
  code?: string;
  // The server's English message, kept as written.
  serverMessage?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, problem: Partial<Problem>) {
    const title = problem.title ?? `request failed (${status})`;
    super(problem.detail || title);
    this.status = status;
    this.type = problemType(problem.type);
    this.title = title;
    this.detail = problem.detail ?? '';
    this.errors = Array.isArray(problem.errors)
      ? problem.errors.map((e) => ({ ...e, serverMessage: e.message, message: errorTexts.field(e) }))
      : [];
  }

  // The message for one field ("amount"), or undefined.
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(field + '.'))?.message;
  }
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

// "https://steward.invalid/problems/validation" -> "validation".
export function problemType(type: string | undefined): string {
  if (!type) return '';
  const slash = type.lastIndexOf('/');
  return slash >= 0 ? type.slice(slash + 1) : type;
}

// The texts of errors the UI words itself, in the chosen language (set by i18n.tsx).
// `title` words a problem's title from its type (lib/problems.ts); English when it cannot.
// `field` words one field error and `detail` a problem's detail (lib/fieldErrors.ts), English
// when they cannot.
interface ErrorTexts {
  stale: string;
  offline: string;
  title: (type: string, title: string) => string;
  field: (error: FieldError) => string;
  detail: (type: string, detail: string, errors: FieldError[]) => string;
}
const errorTexts: ErrorTexts = {
  stale: 'This record was changed by someone else. Reload to see the changes.',
  offline: 'The server cannot be reached. Check the connection and try again.',
  title: (_type, title) => title,
  field: (error) => error.message,
  detail: (_type, detail) => detail,
};

export function setErrorTexts(texts: Partial<ErrorTexts> & { stale: string; offline: string }): void {
  Object.assign(errorTexts, texts);
}

// What the user reads for an error that is not tied to one field.
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) return errorTexts.stale;
    if (error.status === 0) return errorTexts.offline;
    const title = errorTexts.title(error.type, error.title);
    const english = error.errors.map((e) => ({ ...e, message: e.serverMessage ?? e.message }));
    const detail = errorTexts.detail(error.type, error.detail, english);
    return detail && detail !== title ? `${title}: ${detail}` : title;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setAuthHandlers(handlers: {
  unauthorized: () => void;
  passwordChangeRequired: () => void;
}): void {
  onUnauthorized = handlers.unauthorized;
  onPasswordChangeRequired = handlers.passwordChangeRequired;
}

export interface RequestOptions {
  body?: unknown;
  // A body sent as it is (a file upload) with its Content-Type, instead of JSON.
  raw?: { bytes: Blob | ArrayBuffer; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  // Sign-in itself answers 401 for a wrong password: do not treat that as "session ended".
  expectUnauthorized?: boolean;
  // Set on the one retry after a 401 that the session check did not confirm.
  retried?: boolean;
}

// Whether the session cookie is still good. A 401 on a busy server can be spurious (the
// server's session check failed on a locked database); the user is only sent to sign-in when
// the session itself is gone.
async function sessionStillValid(): Promise<boolean> {
  try {
    const r = await fetch('/api/v1/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return r.ok;
  } catch {
    return false;
  }
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.raw ? options.raw.bytes : options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network error', detail: 'the server cannot be reached' });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && !options.expectUnauthorized) {
      if (!options.retried && (await sessionStillValid())) {
        return request<T>(method, path, { ...options, retried: true });
      }
      onUnauthorized?.();
    }
    if (response.status === 403 && error.type === 'password-change-required') {
      onPasswordChangeRequired?.();
    }
    throw error;
  }
  return { data: data as T, etag: response.headers.get('ETag'), status: response.status };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>('GET', path, { signal })).data;
}

export async function post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return (await request<T>('POST', path, { body: body ?? {}, headers })).data;
}

// POST a file's bytes as the body (e.g. an import upload); JSON answer.
export async function postRaw<T>(path: string, bytes: Blob | ArrayBuffer, contentType = 'application/octet-stream'): Promise<T> {
  return (await request<T>('POST', path, { raw: { bytes, contentType } })).data;
}

// POST that answers a file (a CSV or XLSX export): its bytes and the file name the server gave.
// Errors are problem+json as for every other request.
export async function postDownload(path: string, body: unknown): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = { Accept: '*/*', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'network error', detail: 'the server cannot be reached' });
  }
  if (!response.ok) {
    let problem: Partial<Problem> = {};
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      problem = {};
    }
    if (response.status === 401) onUnauthorized?.();
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  return { blob: await response.blob(), fileName: match ? match[1] : 'download' };
}

export async function del(path: string): Promise<void> {
  await request<unknown>('DELETE', path);
}

// Builds "/api/v1/x?a=1&b=2", leaving out empty values.
export function apiPath(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return `/api/v1${path}${qs ? '?' + qs : ''}`;
}
