import { apiUrl } from '../support/http';

describe('request ids', () => {
  it("echoes the caller's request id so a line in the log can be found", async () => {
    const response = await fetch(apiUrl('/config'), { headers: { 'x-request-id': 'desk-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('desk-42');
  });

  it('gives every request an id of its own when the caller sends none or a forged one', async () => {
    const plain = await fetch(apiUrl('/config'));
    const forged = await fetch(apiUrl('/config'), { headers: { 'x-request-id': 'a b\tc' } });
    const ids = [plain.headers.get('x-request-id'), forged.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
