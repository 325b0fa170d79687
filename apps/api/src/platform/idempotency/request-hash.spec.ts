import { requestHash } from './request-hash';

describe(requestHash.name, () => {
  it('hashes the same body the same whatever the order of its keys', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('tells different bodies apart', () => {
    expect(requestHash({ litres: 40 })).not.toBe(requestHash({ litres: 400 }));
    expect(requestHash({ list: [1, 2] })).not.toBe(requestHash({ list: [2, 1] }));
  });

  it('takes an absent body for an empty one', () => {
    expect(requestHash(undefined)).toBe(requestHash({}));
  });
});
