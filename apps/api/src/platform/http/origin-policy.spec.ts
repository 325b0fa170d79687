import { describe, expect, it } from '@jest/globals';
import { OriginPolicy } from './origin-policy';
import { tileSource } from './security-headers';

describe(OriginPolicy.name, () => {
  const policy = new OriginPolicy(['https://partner.example'], false);

  it('lets the console’s own pages and programs without an Origin through', () => {
    expect(policy.allows({ host: 'dispatch.example:8443', origin: 'https://dispatch.example:8443' })).toBe(true);
    expect(policy.allows({ host: 'dispatch.example' })).toBe(true);
  });

  it('lets listed origins through and refuses every other page', () => {
    expect(policy.allows({ host: 'dispatch.example', origin: 'https://partner.example' })).toBe(true);
    expect(policy.allows({ host: 'dispatch.example', origin: 'https://evil.example' })).toBe(false);
    expect(policy.allows({ host: 'dispatch.example', origin: 'null' })).toBe(false);
  });

  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const headers = { host: 'api:3000', 'x-forwarded-host': 'dispatch.example', origin: 'https://dispatch.example' };
    expect(policy.allows(headers)).toBe(false);
    expect(new OriginPolicy([], true).allows(headers)).toBe(true);
  });
});

describe('tileSource', () => {
  it('turns a tile URL template into the image source the CSP allows', () => {
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(tileSource('http://tiles.plant.lan:8080/{z}/{x}/{y}.png')).toBe('http://tiles.plant.lan:8080');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeUndefined();
  });
});
