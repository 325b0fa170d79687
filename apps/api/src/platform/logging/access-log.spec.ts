import { requestIdFor, skipsAccessLog } from './access-log';

describe('access log', () => {
  it("keeps a caller's plain request id and replaces anything else", () => {
    expect(requestIdFor('gw-7:20261130-0001')).toBe('gw-7:20261130-0001');
    for (const hostile of ['a b', 'x'.repeat(65), 'id\nforged line', '', undefined, ['a', 'b']]) {
      expect(requestIdFor(hostile)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('leaves the tracker path and health polls out', () => {
    expect(skipsAccessLog('/api/ingest/osmand?id=T01&lat=1&lon=2')).toBe(true);
    expect(skipsAccessLog('/api/health')).toBe(true);
    expect(skipsAccessLog('/api/pours')).toBe(false);
    expect(skipsAccessLog('/')).toBe(false);
  });
});
