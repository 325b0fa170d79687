import type { ApiError } from '@pourline/contracts';
import { withCsrfHeader } from '../auth/csrfToken';
import { ApiRequestError } from './ApiRequestError';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A plain object is sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** For files: the raw body, with the same auth and error handling. */
  blob(path: string, options?: RequestOptions): Promise<Blob>;
}

interface ClientSettings {
  /** Whether a session is held: the session cookie goes with every call, by the browser. */
  signedIn: boolean;
  /** Called when the API says the session is no longer good; it ends. */
  onUnauthorized?: () => void;
}

const API_BASE = '/api';

function buildUrl(path: string, query: RequestOptions['query']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).message === 'string' &&
    typeof (value as ApiError).statusCode === 'number'
  );
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isApiError(body)) return new ApiRequestError(body);
  // Login answers a bare { message } and proxies answer HTML; keep whatever words there are.
  const message =
    typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : `${response.status} ${response.statusText}`.trim();
  return new ApiRequestError({ statusCode: response.status, code: 'http_error', message });
}

export function createApiClient({ signedIn, onUnauthorized }: ClientSettings): ApiClient {
  async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' });
    withCsrfHeader(headers, method);
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body; // the browser sets the multipart boundary
    } else if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(buildUrl(path, options.query), { method, headers, body, signal: options.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiRequestError({ statusCode: 0, code: 'network_error', message: 'network_error' });
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401 && signedIn) onUnauthorized?.();
      throw error;
    }
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    get: async <T>(path: string, options?: RequestOptions) => json<T>(await send('GET', path, options)),
    post: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
      json<T>(await send('POST', path, { ...options, body })),
    patch: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
      json<T>(await send('PATCH', path, { ...options, body })),
    delete: async <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
      json<T>(await send('DELETE', path, options)),
    blob: async (path: string, options?: RequestOptions) => (await send('GET', path, options)).blob(),
  };
}
