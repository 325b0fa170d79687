import { adminSession, createUser } from '../support/factories';
import { BrowserSession, Http } from '../support/http';
import { connectLive, connectReady } from '../support/live-support';

/** The console signs in to a session held in cookies, never in a token script can read. */
describe('A browser session', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    const { username, password } = await createUser(await adminSession(), 'dispatcher');
    session = await BrowserSession.start(username, password);
  });

  it('keeps the token in an httpOnly SameSite cookie and answers no token to script', async () => {
    const tokenCookie = session.setCookies.find((line) => line.startsWith('pourline_session='));
    const csrfCookie = session.setCookies.find((line) => line.startsWith('pourline_csrf='));
    expect(tokenCookie).toMatch(/HttpOnly/i);
    expect(tokenCookie).toMatch(/SameSite=Strict/i);
    expect(csrfCookie).not.toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/SameSite=Strict/i);
    const me = await session.request('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('dispatcher');
  });

  it('refuses a change that does not echo the CSRF value, and takes one that does', async () => {
    const body = { reason: 'x' };
    const forged = await session.request('POST', '/alerts/1/acknowledge', body, { csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_failed');
    // Past the guard, the request is judged on its merits (the alert does not exist).
    const real = await session.request('POST', '/alerts/1/acknowledge', body);
    expect([403, 401]).not.toContain(real.status);
  });

  it('lets a CSRF value from another session count for nothing', async () => {
    const { username, password } = await createUser(await adminSession(), 'dispatcher');
    const other = await BrowserSession.start(username, password);
    const mixed = await new Http().request(
      'POST',
      '/alerts/1/acknowledge',
      {},
      {
        cookie: session.cookieHeader.split('; ').find((pair) => pair.startsWith('pourline_session='))!,
        'x-csrf-token': other.csrfToken,
      },
    );
    expect(mixed.status).toBe(403);
  });

  it('opens the live socket with the session cookie alone', async () => {
    const socket = await connectReady({ headers: { cookie: session.cookieHeader } });
    expect(socket.ready).toBeDefined();
    socket.close();
  });

  it('refuses a live socket opened by a page of a foreign origin', async () => {
    const socket = connectLive({ headers: { cookie: session.cookieHeader, origin: 'https://evil.example.org' } });
    const refused = await new Promise<Error>((resolve) => socket.socket.once('connect_error', resolve));
    expect(refused).toBeInstanceOf(Error);
    expect(socket.ready).toBeUndefined();
    socket.close();
  });

  it('refuses an API call from a page of a foreign origin', async () => {
    const foreign = await session.request('GET', '/auth/me', undefined);
    expect(foreign.status).toBe(200);
    const evil = await new Http().request('GET', '/auth/me', undefined, {
      cookie: session.cookieHeader,
      origin: 'https://evil.example.org',
    });
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('origin_not_allowed');
  });

  it('signs out by clearing both cookies', async () => {
    const out = await session.request('DELETE', '/auth/session');
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared.some((line) => /^pourline_session=;/.test(line) && /Expires=Thu, 01 Jan 1970/.test(line))).toBe(
      true,
    );
    expect(cleared.some((line) => /^pourline_csrf=;/.test(line))).toBe(true);
  });
});
