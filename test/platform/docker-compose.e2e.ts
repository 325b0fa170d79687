import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/api-process';

describe('docker-compose.yml, the production shape', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
  const services = compose.services as Record<string, any>;

  it('names PostgreSQL, Redis, the API and a WebSocket-capable proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis']);
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.proxy.image).toMatch(/^(nginx|caddy|haproxy|traefik)/);
  });

  it('runs two replicas of the built API image wired to the database and Redis', () => {
    const api = services.api;
    expect(api.build).toBeDefined();
    expect(api.deploy.replicas).toBe(2);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PORT']) expect(api.environment[name]).toBeDefined();
    expect(api.environment.DATABASE_URL).toContain('@postgres:5432/');
    expect(api.environment.REDIS_URL).toContain('redis:6379');
    expect(api.depends_on).toEqual(expect.objectContaining({ postgres: expect.anything(), redis: expect.anything() }));
  });

  it('proxies WebSocket upgrades to the API', () => {
    const mounted = (services.proxy.volumes as string[]).map((volume) => volume.split(':')[0]);
    const config = mounted.map((file) => readFileSync(join(REPO_ROOT, file), 'utf8')).join('\n');
    expect(config).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade/);
    expect(config).toMatch(/server\s+api:3000/);
  });

  it('builds the API from a Dockerfile that exists', () => {
    const dockerfile = join(
      REPO_ROOT,
      services.api.build.context ?? '.',
      services.api.build.dockerfile ?? 'Dockerfile',
    );
    expect(readFileSync(dockerfile, 'utf8')).toMatch(/npm (ci|run build)/);
  });
});
