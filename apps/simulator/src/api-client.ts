import { type ApiError, DEMO_FLEET_USER_AGENT, type LoginResponse } from '@pourline/contracts';
import { SimulationStopped, sleep } from './clock';

/** An answer of the API that retrying will not change (4xx), or a failure that outlasted the retries. */
export class ApiRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    /** 0 when the API could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${method} ${path}: ${status || 'unreachable'} ${code ? `${code}: ` : ''}${message}`);
  }
}

export function isApiError(error: unknown, ...statuses: number[]): error is ApiRequestError {
  return error instanceof ApiRequestError && (statuses.length === 0 || statuses.includes(error.status));
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Where an account that cannot sign in with a password (the demo fleet's
 * system account) gets its access tokens; asked again when one expires.
 */
export interface TokenSource {
  username: string;
  issue(): Promise<string>;
}

const RETRYABLE = new Set([0, 429, 502, 503, 504]);
const MAX_ATTEMPTS = 6;
const REQUEST_TIMEOUT_MS = 15_000;

/** `/api` of one Pourline server, spoken as one account: signs in, and again when the token expires. */
export class ApiClient {
  private token: string | null = null;
  private signingIn: Promise<string> | null = null;

  constructor(
    private readonly baseUrl: string,
    readonly credentials: Credentials | TokenSource,
    private readonly signal: AbortSignal,
  ) {}

  get username(): string {
    return this.credentials.username;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** Network failures and 5xx are retried with backoff; 4xx are the caller's to judge. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const answer = await send(this.baseUrl, method, path, body, token, this.signal);
      if (answer.status === 401 && !reauthenticated) {
        this.token = null;
        reauthenticated = true;
        attempt--;
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return answer.body as T;
      const error = toError(method, path, answer);
      if (!(RETRYABLE.has(answer.status) || answer.status >= 500) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(backoffMs(attempt), this.signal);
    }
  }

  private accessToken(): Promise<string> {
    if (this.token) return Promise.resolve(this.token);
    this.signingIn ??= this.signIn().finally(() => {
      this.signingIn = null;
    });
    return this.signingIn;
  }

  private async signIn(): Promise<string> {
    const credentials = this.credentials;
    if ('issue' in credentials) {
      this.token = await credentials.issue();
      return this.token;
    }
    for (let attempt = 1; ; attempt++) {
      const answer = await send(this.baseUrl, 'POST', '/auth/login', credentials, null, this.signal);
      if (answer.status === 200) {
        this.token = (answer.body as LoginResponse).accessToken;
        return this.token;
      }
      const error = toError('POST', `/auth/login as ${credentials.username}`, answer);
      if (!(RETRYABLE.has(answer.status) || answer.status >= 500) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(backoffMs(attempt), this.signal);
    }
  }
}

interface Answer {
  status: number;
  body: unknown;
  networkError?: string;
}

async function send(
  baseUrl: string,
  method: string,
  path: string,
  body: unknown,
  token: string | null,
  signal: AbortSignal,
): Promise<Answer> {
  if (signal.aborted) throw new SimulationStopped();
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': DEMO_FLEET_USER_AGENT };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    const text = await response.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    if (signal.aborted) throw new SimulationStopped();
    return { status: 0, body: null, networkError: error instanceof Error ? causeOf(error) : String(error) };
  }
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

function toError(method: string, path: string, answer: Answer): ApiRequestError {
  if (answer.status === 0) return new ApiRequestError(method, path, 0, '', answer.networkError ?? 'no answer');
  const body = (answer.body ?? {}) as Partial<ApiError>;
  const message = typeof body.message === 'string' ? body.message : JSON.stringify(answer.body).slice(0, 200);
  return new ApiRequestError(method, path, answer.status, body.code ?? '', message);
}

/** 0.5, 1, 2, 4, 8 s … with jitter, so many trucks do not retry in the same instant. */
export function backoffMs(attempt: number, capMs = 15_000): number {
  const base = Math.min(capMs, 500 * 2 ** (attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

/** Resolves once GET /api/health answers 200; keeps trying (with backoff) until then or until stopped. */
export async function waitForApi(baseUrl: string, signal: AbortSignal, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send(baseUrl, 'GET', '/health', undefined, null, signal);
    if (answer.status === 200) {
      if (attempt > 1) log(`API at ${baseUrl} is up`);
      return;
    }
    if (attempt === 1) log(`waiting for the API at ${baseUrl} …`);
    await sleep(backoffMs(Math.min(attempt, 4), 5_000), signal);
  }
}

/**
 * Tokens of a system account asked of the API by an administrator, for the
 * demo fleet run on its own; the administrator's own session does nothing else.
 */
export function issuedByAdministrator(
  baseUrl: string,
  admin: Credentials,
  username: string,
  signal: AbortSignal,
): TokenSource {
  const administrator = new ApiClient(baseUrl, admin, signal);
  return {
    username,
    issue: async () => (await administrator.post<LoginResponse>('/auth/system-token', { username })).accessToken,
  };
}
