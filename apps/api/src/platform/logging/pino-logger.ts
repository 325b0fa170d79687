import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** `pretty` for a person at a terminal, `json` for a log collector. */
export type LogFormat = 'pretty' | 'json';

export function logFormatFor(setting: string | undefined, stdoutIsTerminal: boolean): LogFormat {
  if (setting === undefined || setting === '' || setting === 'auto') return stdoutIsTerminal ? 'pretty' : 'json';
  if (setting === 'pretty' || setting === 'json') return setting;
  throw new Error(`LOG_FORMAT must be auto, pretty or json, got "${setting}"`);
}

export function createLogger(level: string, format: LogFormat): Logger {
  const options = { level, base: { service: 'pourline-api' } };
  if (format === 'json') return pino(options);
  return pino(
    options,
    pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service,context,req,res,responseTime',
      messageFormat: terminalLine,
    }),
  );
}

interface LogRecord {
  msg?: unknown;
  context?: unknown;
  req?: { id?: unknown; method?: unknown; url?: unknown };
  res?: { statusCode?: unknown };
  responseTime?: unknown;
}

/** One line per record at a terminal: the context in brackets, a request as method, path, status and time. */
export function terminalLine(record: LogRecord): string {
  const context = typeof record.context === 'string' ? `[${record.context}] ` : '';
  const { req, res } = record;
  if (req && res) {
    return `${context}${String(req.method)} ${String(req.url)} → ${String(res.statusCode)} in ${String(record.responseTime)} ms (${String(req.id)})`;
  }
  return `${context}${String(record.msg)}`;
}

/** Nest's start-up chatter: one line per module and route, wanted only when debugging. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** Nest's own messages go to the same structured log as everything else. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    if (context !== undefined && START_UP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
