import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_MAX_FIX_AHEAD_SECONDS } from '@pourline/domain';

export interface AppConfig {
  port: number;
  /** Unset means: run an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  embeddedPostgresPort: number;
  dataDir: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  redisUrl: string | undefined;
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
  /** Whether this instance may become the deployment's live relay (one leads at a time). */
  liveRelay: boolean;
  /** A position fix dated further ahead of the server clock than this is refused. */
  ingestMaxFixAheadSeconds: number;
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
    throw new Error(`${name} must be a positive whole number, got "${value}"`);
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.DATA_DIR || join(REPO_ROOT, 'data'));
  if (!env.JWT_SECRET && env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET must be set in production');
  }
  return {
    port: integer('PORT', env.PORT, 3000),
    databaseUrl,
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    dataDir,
    jwtSecret: env.JWT_SECRET || localJwtSecret(dataDir),
    jwtExpiresInSeconds: integer('JWT_EXPIRES_IN_SECONDS', env.JWT_EXPIRES_IN_SECONDS, 14 * 3600),
    redisUrl: env.REDIS_URL || undefined,
    mapTileUrl: env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || '&copy; OpenStreetMap contributors',
    // With no database configured, a newcomer gets the full demo.
    demo: flag(env.DEMO, databaseUrl === undefined),
    simulator: flag(env.SIMULATOR, true),
    simulatorTimeScale: integer('SIM_TIME_SCALE', env.SIM_TIME_SCALE, 10),
    demoDayCheckMs: integer('DEMO_DAY_CHECK_MS', env.DEMO_DAY_CHECK_MS, 60_000),
    deadlineWatchMs: integer('DEADLINE_WATCH_MS', env.DEADLINE_WATCH_MS, 15_000),
    liveRelay: flag(env.LIVE_RELAY, true),
    ingestMaxFixAheadSeconds: integer(
      'INGEST_MAX_FIX_AHEAD_SECONDS',
      env.INGEST_MAX_FIX_AHEAD_SECONDS,
      DEFAULT_MAX_FIX_AHEAD_SECONDS,
    ),
    eventRetentionDays: integer('EVENT_RETENTION_DAYS', env.EVENT_RETENTION_DAYS, 30),
    positionRetentionDays: integer('POSITION_RETENTION_DAYS', env.POSITION_RETENTION_DAYS, 180),
    bootstrapAdminPassword: env.ADMIN_PASSWORD || undefined,
    pdfFontPath: env.PDF_FONT_PATH || undefined,
    pdfBoldFontPath: env.PDF_BOLD_FONT_PATH || undefined,
    webDistDir: resolve(env.WEB_DIST_DIR || join(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL || 'info',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
