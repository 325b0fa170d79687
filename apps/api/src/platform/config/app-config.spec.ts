import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config';

const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent-pourline' };

describe('loadConfig', () => {
  it('closes what a production server must not leave open by default', () => {
    const config = loadConfig(production);
    expect(config.demo).toBe(false);
    expect(config.trackerAuth).toBe('required');
    expect(config.apiDocs).toBe(false);
    expect(config.allowedOrigins).toEqual([]);
  });

  it('lets production relax tracker secrets and serve the API docs when told', () => {
    const config = loadConfig({ ...production, TRACKER_AUTH: 'optional', API_DOCS: 'true' });
    expect(config.trackerAuth).toBe('optional');
    expect(config.apiDocs).toBe(true);
  });

  it('keeps a development install open for a newcomer', () => {
    const config = loadConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent-pourline' });
    expect(config.demo).toBe(true);
    expect(config.trackerAuth).toBe('optional');
    expect(config.apiDocs).toBe(true);
  });

  it('refuses the demo in production, in one sentence', () => {
    expect(() => loadConfig({ ...production, DEMO: 'true' })).toThrow(
      new ConfigError('DEMO=true is refused with NODE_ENV=production: the demo accounts share a published password.'),
    );
  });

  it('takes bare origins only in ALLOWED_ORIGINS', () => {
    expect(
      loadConfig({ ...production, ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).allowedOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(() => loadConfig({ ...production, ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, TRACKER_AUTH: 'sometimes' })).toThrow(ConfigError);
  });

  it('takes WORKERS as auto or a positive whole number', () => {
    expect(loadConfig(production).workers).toBe('auto');
    expect(loadConfig({ ...production, WORKERS: 'auto' }).workers).toBe('auto');
    expect(loadConfig({ ...production, WORKERS: '3' }).workers).toBe(3);
    expect(() => loadConfig({ ...production, WORKERS: 'many' })).toThrow(
      new ConfigError('WORKERS must be a positive whole number, got "many"'),
    );
    expect(() => loadConfig({ ...production, WORKERS: '0' })).toThrow(ConfigError);
  });
});
