import 'reflect-metadata';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DEMO_FLEET_ACCOUNT } from '@pourline/contracts';
import { startDemoSimulation } from '@pourline/simulator';
import { AppModule } from './app.module';
import { startDemo } from './demo/demo-seeder';
import { AuthService } from './platform/auth/auth.service';
import { ensureBootstrapAdmin } from './platform/auth/bootstrap-admin';
import { GeofenceMover } from './modules/tracking/geofence-mover.service';
import { IngestRoute } from './modules/tracking/ingest-route';
import { IngestService } from './modules/tracking/ingest.service';
import { Clock } from './platform/clock/clock';
import { runPrimary, WORKER_HEADER, workerId } from './platform/cluster/cluster-primary';
import { planWorkers } from './platform/cluster/worker-plan';
import { type AppConfig, ConfigError, loadConfig } from './platform/config/app-config';
import { startEmbeddedPostgres } from './platform/database/embedded-postgres';
import { runMigrations } from './platform/database/migrate';
import { jsonOnly } from './platform/http/json-only.middleware';
import { mountOpenApi } from './platform/http/openapi';
import { RequestShapeInterceptor } from './platform/http/request-shape.interceptor';
import { StrictValidationPipe } from './platform/http/strict-validation.pipe';
import { OriginPolicy } from './platform/http/origin-policy';
import { useSecurityHeaders } from './platform/http/security-headers';
import { mountWebConsole } from './platform/http/web-console';
import { LiveIoAdapter } from './platform/live/live-io.adapter';
import { RedisHealth } from './platform/live/redis-health';
import { RedisIoAdapter } from './platform/live/redis-io.adapter';
import { accessLog } from './platform/logging/access-log';
import { createLogger, PinoNestLogger } from './platform/logging/pino-logger';

/** Connections waiting to be accepted. */
const LISTEN_BACKLOG = 4096;

async function bootstrap(config: AppConfig): Promise<void> {
  const logger = createLogger(config.logLevel, config.logFormat);
  const log = (line: string) => logger.info(line);
  const worker = workerId();

  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  await runMigrations(databaseUrl, log);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  if (config.trustProxy) app.set('trust proxy', trustProxyValue(config.trustProxy));
  app.use(accessLog(logger));
  const origins = new OriginPolicy(config.allowedOrigins, Boolean(config.trustProxy));
  useSecurityHeaders(app, config.mapTileUrl);
  if (origins.listed.length > 0) app.enableCors({ origin: origins.listed, credentials: true });
  app.use(origins.middleware());
  app.use(jsonOnly);
  // Gateways send up to a thousand positions in one request.
  app.useBodyParser('json', { limit: '5mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
  let redis: RedisIoAdapter | undefined;
  if (config.redisUrl) {
    redis = new RedisIoAdapter(
      app,
      origins,
      config.redisUrl,
      app.get(RedisHealth),
      { warn: (line) => logger.warn(line), info: log },
      worker,
    );
    await redis.connect();
    app.useWebSocketAdapter(redis);
    log('sharing live events through Redis');
  } else {
    app.useWebSocketAdapter(new LiveIoAdapter(app, origins, worker));
  }
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalInterceptors(new RequestShapeInterceptor());
  app.disable('x-powered-by');
  if (config.apiDocs) mountOpenApi(app);
  mountWebConsole(app, config.webDistDir, (line) => logger.warn(line));

  // The demo brings its own administrator, so it goes first.
  let closing = false;
  const demoDay = config.demo
    ? await startDemo(app, { clock: app.get(Clock), checkEveryMs: config.demoDayCheckMs, log })
    : undefined;
  await ensureBootstrapAdmin(app, config, log);

  // A fleet's trackers connect all at once after a restart or a network outage: Node's default accept
  // queue of 511 overflows and the kernel drops their connections into resends seconds apart.
  // The kernel caps this at net.core.somaxconn.
  await app.listen({ port: config.port, backlog: LISTEN_BACKLOG } as unknown as number);
  // Idle keep-alive connections outlive the clients' own idle limit (fetch: 4 s, proxies: 60 s), so
  // the client closes them, never the server while a request is already on its way in.
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Trackers' requests are answered ahead of the framework (and of the live socket's listener).
  new IngestRoute(app.get(IngestService), new Logger('Ingest')).mount(server);
  if (worker) {
    // First of all listeners, trackers' route included, so every answer names its worker.
    server.prependListener('request', (_request, response) => response.setHeader(WORKER_HEADER, worker));
  }
  log(
    `Pourline listening on http://localhost:${config.port}${config.demo ? ' (demo mode)' : ''}${worker ? ` (worker ${worker})` : ''}`,
  );

  // The demo fleet acts as its own system account, which has no password: its tokens are issued here.
  const auth = app.get(AuthService);
  const startFleet = () =>
    startDemoSimulation({
      baseUrl: `http://127.0.0.1:${config.port}`,
      timeScale: config.simulatorTimeScale,
      accessToken: async () => (await auth.issueSystemToken(DEMO_FLEET_ACCOUNT.username, null)).accessToken,
      log: (line) => logger.info({ context: 'simulator' }, line),
    });
  let simulation = config.demo && config.simulator ? startFleet() : undefined;
  if (demoDay && simulation) {
    // At the turn of the day the fleet stops, the day is closed and planned, and the fleet drives on.
    demoDay.whileFleetStandsStill = async (work) => {
      await simulation?.stop();
      try {
        // Positions the fleet had on the wire still land; the fences judge them before the day turns.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await app.get(GeofenceMover).settled();
        await work();
      } finally {
        if (!closing) simulation = startFleet();
      }
    };
  }

  // Close connections first, then the embedded database, so nothing is left running.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received, shutting down`);
    await demoDay?.stop().catch((error: unknown) => logger.error(error));
    await simulation?.stop().catch((error: unknown) => logger.error(error));
    await app.close().catch((error: unknown) => logger.error(error));
    await redis?.disconnectRedis();
    await stopEmbedded?.().catch((error: unknown) => logger.error(error));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(signal));
}

/** TRUST_PROXY as Express takes it: a hop count, true, or addresses and subnets. */
function trustProxyValue(value: string): boolean | number | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') return true;
  return value;
}

/** A setting that cannot work is said in one sentence; anything else keeps its stack. */
function fail(error: unknown): never {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

/**
 * One process per core when the deployment shares its live state through Redis:
 * the primary only hands connections to its workers, each of which is a whole API.
 */
function main(): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error);
  }
  if (cluster.isPrimary) {
    const plan = planWorkers({
      workers: config.workers,
      cores: availableParallelism(),
      redisUrl: config.redisUrl,
      databaseUrl: config.databaseUrl,
      demo: config.demo,
    });
    const logger = createLogger(config.logLevel, config.logFormat);
    if (plan.count > 1) {
      logger.info(`starting ${plan.count} API workers on port ${config.port}`);
      runPrimary(plan.count, {
        info: (line) => logger.info(line),
        warn: (line) => logger.warn(line),
        error: (line) => logger.error(line),
      });
      return;
    }
    // Asked for by number, a single worker is worth a warning; `auto` only reports it.
    if (plan.reason && config.workers === 'auto') logger.info(`one API worker: ${plan.reason}`);
    else if (plan.reason) logger.warn(`one API worker, not ${config.workers}: ${plan.reason}`);
  }
  bootstrap(config).catch(fail);
}

main();
