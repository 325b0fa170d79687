export interface HttpAnswer<T = any> {
  status: number;
  body: T;
}

export function apiUrl(path: string): string {
  const base = process.env.POURLINE_API_URL;
  if (!base) throw new Error('POURLINE_API_URL is not set: run through the e2e Jest project');
  return `${base}/api${path}`;
}

/** A tiny client for the API as a real HTTP consumer sees it. */
export class Http {
  constructor(readonly token?: string) {}

  async request<T = any>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(apiUrl(path), { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a file download); keep the text
    }
    return { status: response.status, body: parsed as T };
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

export async function login(username: string, password: string): Promise<Http> {
  const answer = await new Http().post('/auth/login', { username, password });
  if (answer.status !== 200)
    throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return new Http(answer.body.accessToken);
}
