import { createHmac } from 'node:crypto';
import { adminSession, createUser } from '../support/factories';
import { Http, login } from '../support/http';
import { E2E_JWT_SECRET } from '../support/test-constants';

/** A token with these claims, signed with the server's own secret by the algorithm named. */
function tokenSignedAs(alg: 'HS256' | 'HS512', claims: unknown): string {
  const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const hash = alg === 'HS256' ? 'sha256' : 'sha512';
  const signature = createHmac(hash, E2E_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('Authentication', () => {
  it('answers a token for the right password and refuses a wrong one alike for unknown users', async () => {
    const admin = await adminSession();
    const { username, password } = await createUser(admin, 'dispatcher');
    const ok = await new Http().post('/auth/login', { username, password });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken.split('.')).toHaveLength(3);
    const wrong = await new Http().post('/auth/login', { username, password: 'not-it' });
    const unknown = await new Http().post('/auth/login', { username: 'nobody-here', password: 'not-it' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('stops sign-in for a user name after too many failures, even with the right password, and says when', async () => {
    const admin = await adminSession();
    const { username, password } = await createUser(admin, 'dispatcher');
    // The shared API allows the default of ten failures per user name in the window.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await new Http().post('/auth/login', { username, password: 'not-it' })).status).toBe(401);
    }
    const blocked = await new Http().post('/auth/login', { username, password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_sign_ins');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user from the same address still signs in.
    const other = await createUser(admin, 'dispatcher');
    expect((await new Http().post('/auth/login', { username: other.username, password: other.password })).status).toBe(
      200,
    );
  });

  it('refuses a malformed login body with 400 naming the field', async () => {
    const answer = await new Http().post('/auth/login', { username: 'admin' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('password');
  });

  it('refuses a forged or garbled token', async () => {
    expect((await new Http('not.a.token').get('/auth/me')).status).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl';
    expect((await new Http(forged).get('/auth/me')).status).toBe(401);
  });

  it('takes a token only as it issues them, HS256: the same claims signed otherwise with its own secret are refused', async () => {
    const admin = await adminSession();
    const claims: unknown = JSON.parse(Buffer.from(admin.token!.split('.')[1], 'base64url').toString('utf8'));
    expect((await new Http(tokenSignedAs('HS256', claims)).get('/auth/me')).status).toBe(200);
    expect((await new Http(tokenSignedAs('HS512', claims)).get('/auth/me')).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${admin.token!.split('.')[1]}.`;
    expect((await new Http(unsigned).get('/auth/me')).status).toBe(401);
  });

  it('stores passwords only as a slow hash and locks out a deactivated user at once', async () => {
    const admin = await adminSession();
    const { user, username, password, session } = await createUser(admin, 'qc_inspector');
    expect((await session.get('/auth/me')).body).toMatchObject({ username, role: 'qc_inspector' });
    expect(JSON.stringify((await admin.get(`/users/${user.id}`)).body)).not.toContain(password);
    await admin.patch(`/users/${user.id}`, { active: false });
    expect((await session.get('/auth/me')).status).toBe(401);
    await expect(login(username, password)).rejects.toThrow(/401/);
  });

  it('never lets the last administrator be demoted', async () => {
    const admin = await adminSession();
    const me = (await admin.get('/auth/me')).body;
    const users = (await admin.get('/users?pageSize=200')).body.items;
    const activeAdmins = users.filter((user: any) => user.role === 'admin' && user.active);
    expect(activeAdmins).toHaveLength(1);
    const answer = await admin.patch(`/users/${me.id}`, { role: 'dispatcher' });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('last_admin');
    expect((await admin.get('/auth/me')).body.role).toBe('admin');
  });

  it('keeps system accounts out of the people’s forms, and issues no token for a person', async () => {
    const admin = await adminSession();
    const created = await admin.post('/users', {
      username: 'robot-dispatch',
      displayName: 'Robot',
      role: 'system',
      password: 'long-enough-password',
    });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain('role');
    const { user, username } = await createUser(admin, 'dispatcher');
    expect((await admin.patch(`/users/${user.id}`, { role: 'system' })).status).toBe(400);
    const token = await admin.post('/auth/system-token', { username });
    expect(token.status).toBe(404);
    expect(token.body.accessToken).toBeUndefined();
  });
});
