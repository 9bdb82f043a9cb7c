/** The API client: JSON over fetch, errors as {@link ApiError}, the write token kept for the browser session. */

const TOKEN_KEY = 'claimtrace.token';

/** An error answer of the API (`{error: {code, message}}`), or a network failure (`E_NETWORK`). */
export class ApiError extends Error {
  /** The stable claimtrace error code, e.g. `E_INPUT_EMPTY`. */
  readonly code: string;
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;

  /** Builds the error from a code, a message and the HTTP status. */
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** The write token of this browser session, if one was given. */
export function getToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps (or with an empty string, forgets) the write token for this browser session. */
export function setToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token then lasts until reload only, which is acceptable.
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.code === 'string') {
      return new ApiError(body.error.code, String(body.error.message ?? body.error.code), res.status);
    }
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError('E_HTTP', `The server answered HTTP ${res.status} ${res.statusText}`.trim(), res.status);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError('E_NETWORK', `The server cannot be reached (${err instanceof Error ? err.message : String(err)})`, 0);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

/** GET a JSON resource. */
export function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

/** POST a JSON body and read the JSON answer. */
export function apiPost<T>(path: string, body: unknown): Promise<T> {
  return request<T>('POST', path, body);
}
