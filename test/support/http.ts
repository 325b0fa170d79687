export interface HttpAnswer<T = any> {
  status: number;
  body: T;
}

export function apiUrl(path: string, baseUrl?: string): string {
  const base = baseUrl ?? process.env.POURLINE_API_URL;
  if (!base) throw new Error('POURLINE_API_URL is not set: run through the e2e Jest project');
  return `${base}/api${path}`;
}

/** A tiny client for the API as a program sees it: a bearer token, from the shared API unless told. */
export class Http {
  constructor(
    readonly token?: string,
    readonly baseUrl?: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpAnswer<T> & { headers: Headers }> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(apiUrl(path, this.baseUrl), { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a file download); keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export async function login(username: string, password: string, baseUrl?: string): Promise<Http> {
  const answer = await new Http(undefined, baseUrl).post('/auth/login', { username, password });
  if (answer.status !== 200)
    throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return new Http(answer.body.accessToken, baseUrl);
}

/** The console's way in: a session cookie script cannot read, and the CSRF value it must echo. */
export class BrowserSession {
  private constructor(
    readonly cookieHeader: string,
    readonly csrfToken: string,
    readonly setCookies: string[],
    readonly baseUrl?: string,
  ) {}

  static async start(username: string, password: string, baseUrl?: string): Promise<BrowserSession> {
    const answer = await new Http(undefined, baseUrl).post('/auth/session', { username, password });
    if (answer.status !== 200)
      throw new Error(`session for ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const setCookies = answer.headers.getSetCookie();
    const pairs = setCookies.map((line) => line.split(';')[0]!);
    const csrf = pairs.find((pair) => pair.startsWith('pourline_csrf='))?.slice('pourline_csrf='.length) ?? '';
    return new BrowserSession(pairs.join('; '), decodeURIComponent(csrf), setCookies, baseUrl);
  }

  /** A request as the console sends it; `csrf: false` leaves the CSRF header out, as a foreign page would. */
  request<T = any>(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = { cookie: this.cookieHeader };
    if (options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    return new Http(undefined, this.baseUrl).request<T>(method, path, body, headers);
  }
}
