import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { freePort, REPO_ROOT } from '../support/api-process';

/** docker-compose.yml as a real compose implementation reads it, with the secrets it asks for. */
function composeConfig(): Record<string, any> {
  const env = { ...process.env, JWT_SECRET: 'a-long-random-string-for-the-check' };
  const check = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  if (check.error) {
    throw new Error(`docker-compose is needed for this test (apt-get install docker-compose): ${check.error.message}`);
  }
  if (check.status !== 0) throw new Error(`docker-compose config -q refused the file:\n${check.stderr}`);
  return parse(
    execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: REPO_ROOT, env, encoding: 'utf8' }),
  );
}

describe('docker-compose.yml, the production shape', () => {
  const compose = composeConfig();
  const services = compose.services as Record<string, any>;
  const dockerfile = readFileSync(
    resolve(REPO_ROOT, services.api.build.context ?? '.', services.api.build.dockerfile ?? 'Dockerfile'),
    'utf8',
  );

  it('names PostgreSQL, Redis, the API and a WebSocket-capable proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis']);
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.proxy.image).toMatch(/^(nginx|caddy|haproxy|traefik)/);
  });

  it('runs two replicas of the built API image, each with a worker per core, wired to the database and Redis', () => {
    const api = services.api;
    expect(api.deploy.replicas).toBe(2);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PORT']) expect(api.environment[name]).toBeDefined();
    expect(api.environment.DATABASE_URL).toContain('@postgres:5432/');
    expect(api.environment.REDIS_URL).toContain('redis:6379');
    // Each replica starts one worker per core it is given.
    expect(api.environment.WORKERS).toBe('auto');
    expect(api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('leaves the map tile template to the API, which has a working default', () => {
    expect(services.api.environment.MAP_TILE_URL).toBe('');
  });

  it('mounts only paths that exist in the repository', () => {
    const binds = Object.values(services).flatMap((service: any) =>
      ((service.volumes ?? []) as (string | { type: string; source: string })[]).flatMap((volume) => {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        const named = typeof volume === 'string' ? !isAbsolute(source) : volume.type === 'volume';
        return named ? [] : [source];
      }),
    );
    expect(binds.length).toBeGreaterThan(0);
    for (const source of binds) expect(existsSync(source)).toBe(true);
    const named = Object.values(services).flatMap((service: any) =>
      ((service.volumes ?? []) as string[]).filter((volume) => typeof volume === 'string' && !isAbsolute(volume)),
    );
    for (const volume of named) expect(Object.keys(compose.volumes ?? {})).toContain(volume.split(':')[0]);
  });

  it('proxies WebSocket upgrades to the API, and waits for healthy API instances', () => {
    const mounted = (services.proxy.volumes as string[]).map((volume) => volume.split(':')[0]);
    const config = mounted.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(config).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade/);
    expect(config).toMatch(/server\s+api:3000/);
    expect(services.proxy.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('gives the API image a health check whose command the image holds', () => {
    expect(dockerfile).toMatch(/npm (ci|run build)/);
    const healthcheck = /^HEALTHCHECK .*CMD \["node", "([^"]+)"\]$/m.exec(dockerfile);
    expect(healthcheck).not.toBeNull();
    expect(dockerfile).toMatch(/^FROM node:/m);
    expect(services.api.healthcheck.test).toEqual(['CMD', 'node', healthcheck![1]]);
    // The build copies the whole tree, so the script is where `npm run build` puts it.
    expect(existsSync(join(REPO_ROOT, healthcheck![1]))).toBe(true);
  });

  it('has a health check that passes on a healthy API and fails when none answers', async () => {
    const script = join(REPO_ROOT, 'apps/api/dist/health-check.js');
    const run = (port: string) => spawnSync(process.execPath, [script], { env: { ...process.env, PORT: port } }).status;
    expect(run(new URL(process.env.POURLINE_API_URL!).port)).toBe(0);
    expect(run(String(await freePort()))).toBe(1);
  });
});
