import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNCHING_MAX_WAITING, DEFAULT_MAX_FIX_AHEAD_SECONDS } from '@pourline/domain';
import { type LogFormat, logFormatFor } from '../logging/pino-logger';

/** A setting that cannot work as given: the process stops with this one sentence. */
export class ConfigError extends Error {}

export type TrackerAuth = 'required' | 'optional';

export interface AppConfig {
  port: number;
  production: boolean;
  /** Unset means: run an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  dataDir: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  redisUrl: string | undefined;
  /** API worker processes on one port: `auto` takes one per available core; several need Redis. */
  workers: 'auto' | number;
  mapTileUrl: string;
  mapTileAttribution: string;
  demo: boolean;
  /** Drive the demo fleet inside the API process (demo mode only). */
  simulator: boolean;
  /** Simulated seconds per real second for the demo fleet. */
  simulatorTimeScale: number;
  /** How often the demo looks whether a new day has begun (demo mode only). */
  demoDayCheckMs: number;
  /** How often loads are checked for deadlines at risk. */
  deadlineWatchMs: number;
  /** How often the day is re-planned, the auto switch orders what is due, and flow alerts are judged. */
  dispatchTickMs: number;
  /** More trucks than this waiting at one pump raise a bunching alert, unless the pour sets its own. */
  dispatchBunchingMaxWaiting: number;
  /** Whether this instance may become the deployment's live relay (one leads at a time). */
  liveRelay: boolean;
  /** A position fix dated further ahead of the server clock than this is refused. */
  ingestMaxFixAheadSeconds: number;
  /** Trackers are answered 503 with Retry-After while the event loop runs later than this (ms). */
  ingestMaxEventLoopLagMs: number;
  /** …or while the oldest fix not yet stored has waited longer than this (ms). */
  ingestMaxQueueAgeMs: number;
  /** How often the in-memory view of active loads is compared with the database whole (ms). */
  activeLoadsReconcileMs: number;
  /** Days of the event log kept for replay; older days are dropped whole. */
  eventRetentionDays: number;
  /** Days of position history kept, by fix time; older days are dropped whole. */
  positionRetentionDays: number;
  bootstrapAdminPassword: string | undefined;
  /** A font for PDF documents (TTF/OTF, or `file.ttc#PostScriptName`); unset: the bundled Noto Sans Hans. */
  pdfFontPath: string | undefined;
  /** Its bold face; unset: the bundled bold, or the regular face when only that is configured. */
  pdfBoldFontPath: string | undefined;
  webDistDir: string;
  logLevel: string;
  logFormat: LogFormat;
  /** `required`: a tracker registered without a secret is refused. */
  trackerAuth: TrackerAuth;
  /** Origins, besides the console's own, whose pages may call the API and open live sockets. */
  allowedOrigins: string[];
  /** Serve the OpenAPI page and document under /api/docs. */
  apiDocs: boolean;
  /** Failed sign-ins allowed per user name, and per address, in one window. */
  loginFailuresPerUser: number;
  loginFailuresPerAddress: number;
  loginWindowSeconds: number;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: string | undefined;
}

export const REPO_ROOT = resolve(__dirname, '../../../../..');

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new ConfigError(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

/** A secret kept in the data folder, so tokens survive a restart of a local install. */
function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function workers(value: string | undefined): 'auto' | number {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  return integer('WORKERS', value, 1);
}

function trackerAuth(value: string | undefined, production: boolean): TrackerAuth {
  if (value === undefined || value === '') return production ? 'required' : 'optional';
  if (value === 'required' || value === 'optional') return value;
  throw new ConfigError(`TRACKER_AUTH must be "required" or "optional", got "${value}"`);
}

/** Each entry a bare origin (scheme, host and port), as browsers send it in the Origin header. */
function origins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry)
      throw new ConfigError(`ALLOWED_ORIGINS takes origins like https://dispatch.example.com, got "${entry}"`);
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.DATA_DIR || join(REPO_ROOT, 'data'));
  const production = env.NODE_ENV === 'production';
  if (!env.JWT_SECRET && production) {
    throw new ConfigError('JWT_SECRET must be set in production');
  }
  // The demo signs everyone in with a published password; a production server must never run it.
  if (production && flag(env.DEMO, false)) {
    throw new ConfigError(
      'DEMO=true is refused with NODE_ENV=production: the demo accounts share a published password.',
    );
  }
  return {
    port: integer('PORT', env.PORT, 3000),
    production,
    databaseUrl,
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    dataDir,
    jwtSecret: env.JWT_SECRET || localJwtSecret(dataDir),
    jwtExpiresInSeconds: integer('JWT_EXPIRES_IN_SECONDS', env.JWT_EXPIRES_IN_SECONDS, 14 * 3600),
    redisUrl: env.REDIS_URL || undefined,
    workers: workers(env.WORKERS),
    mapTileUrl: env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || '&copy; OpenStreetMap contributors',
    // With no database configured, a newcomer gets the full demo.
    demo: flag(env.DEMO, databaseUrl === undefined && !production),
    simulator: flag(env.SIMULATOR, true),
    simulatorTimeScale: integer('SIM_TIME_SCALE', env.SIM_TIME_SCALE, 10),
    demoDayCheckMs: integer('DEMO_DAY_CHECK_MS', env.DEMO_DAY_CHECK_MS, 60_000),
    deadlineWatchMs: integer('DEADLINE_WATCH_MS', env.DEADLINE_WATCH_MS, 15_000),
    dispatchTickMs: integer('DISPATCH_TICK_MS', env.DISPATCH_TICK_MS, 15_000),
    dispatchBunchingMaxWaiting: integer(
      'DISPATCH_BUNCHING_MAX_WAITING',
      env.DISPATCH_BUNCHING_MAX_WAITING,
      BUNCHING_MAX_WAITING,
    ),
    liveRelay: flag(env.LIVE_RELAY, true),
    ingestMaxFixAheadSeconds: integer(
      'INGEST_MAX_FIX_AHEAD_SECONDS',
      env.INGEST_MAX_FIX_AHEAD_SECONDS,
      DEFAULT_MAX_FIX_AHEAD_SECONDS,
    ),
    ingestMaxEventLoopLagMs: integer('INGEST_MAX_EVENT_LOOP_LAG_MS', env.INGEST_MAX_EVENT_LOOP_LAG_MS, 500),
    ingestMaxQueueAgeMs: integer('INGEST_MAX_QUEUE_AGE_MS', env.INGEST_MAX_QUEUE_AGE_MS, 2_000),
    activeLoadsReconcileMs: integer('ACTIVE_LOADS_RECONCILE_SECONDS', env.ACTIVE_LOADS_RECONCILE_SECONDS, 60) * 1000,
    eventRetentionDays: integer('EVENT_RETENTION_DAYS', env.EVENT_RETENTION_DAYS, 30),
    positionRetentionDays: integer('POSITION_RETENTION_DAYS', env.POSITION_RETENTION_DAYS, 180),
    bootstrapAdminPassword: env.ADMIN_PASSWORD || undefined,
    pdfFontPath: env.PDF_FONT_PATH || undefined,
    pdfBoldFontPath: env.PDF_BOLD_FONT_PATH || undefined,
    webDistDir: resolve(env.WEB_DIST_DIR || join(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormatFor(env.LOG_FORMAT, process.stdout.isTTY === true),
    trackerAuth: trackerAuth(env.TRACKER_AUTH, production),
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    apiDocs: flag(env.API_DOCS, !production),
    loginFailuresPerUser: integer('LOGIN_FAILURES_PER_USER', env.LOGIN_FAILURES_PER_USER, 10),
    loginFailuresPerAddress: integer('LOGIN_FAILURES_PER_ADDRESS', env.LOGIN_FAILURES_PER_ADDRESS, 100),
    loginWindowSeconds: integer('LOGIN_WINDOW_SECONDS', env.LOGIN_WINDOW_SECONDS, 900),
    trustProxy: env.TRUST_PROXY || undefined,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
