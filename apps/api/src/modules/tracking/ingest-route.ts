import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { Logger } from '@nestjs/common';
import type { ApiError, PositionReport } from '@pourline/contracts';
import { toApiError } from '../../platform/errors/api-exception.filter';
import { IngestService, requireParsed } from './ingest.service';
import type { PositionSink } from './position-writer.service';
import { parseBatch } from './protocols/batch';
import { parseOsmAnd } from './protocols/osmand';
import { parseOsmAndJson } from './protocols/osmand-json';
import { parseTraccarForward } from './protocols/traccar-forward';

type Route = 'osmand-get' | 'osmand-post' | 'traccar' | 'batch';
type Fields = Record<string, string | string[] | undefined>;

/** Gateways send up to a thousand positions in one request; a form is one tracker's fields. */
const JSON_LIMIT = 5 * 1024 * 1024;
const FORM_LIMIT = 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/** What a request under way carries between its body's chunks, kept on the request itself. */
interface Reading {
  route: Route;
  path: string;
  query: string;
  type: string;
  chunks: Buffer[];
  size: number;
  limit: number;
  response: ServerResponse;
  handler: IngestRoute;
}
const READING = Symbol('ingest reading');
type ReadingRequest = IncomingMessage & { [READING]?: Reading };

function routeOf(method: string | undefined, path: string): Route | undefined {
  if (path === '/api/ingest/osmand')
    return method === 'GET' ? 'osmand-get' : method === 'POST' ? 'osmand-post' : undefined;
  if (method !== 'POST') return undefined;
  if (path === '/api/ingest/traccar') return 'traccar';
  if (path === '/api/ingest/batch') return 'batch';
  return undefined;
}

/** The media type alone, lower case: `application/json; charset=utf-8` is `application/json`. */
function mediaType(header: string | undefined): string {
  if (!header) return '';
  const end = header.indexOf(';');
  return (end < 0 ? header : header.slice(0, end)).trim().toLowerCase();
}

/** A charset other than UTF-8, or a compressed body: rare enough for the framework's readers. */
function needsFramework(request: IncomingMessage): boolean {
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return true;
  const type = request.headers['content-type'];
  const charset = type ? /;\s*charset=("?)([^";]+)\1/i.exec(type)?.[2]?.toLowerCase() : undefined;
  return charset !== undefined && charset !== 'utf-8' && charset !== 'utf8';
}

function send(response: ServerResponse, status: number, body: string, retryAfterSeconds?: number): void {
  if (response.headersSent) return;
  // Names and values in one flat list: Node writes them as they are, with no object to walk.
  const headers = [
    'Content-Type',
    JSON_TYPE,
    'Content-Length',
    String(Buffer.byteLength(body)),
    'X-Content-Type-Options',
    'nosniff',
  ];
  if (retryAfterSeconds !== undefined) headers.push('Retry-After', String(retryAfterSeconds));
  response.writeHead(status, headers);
  response.end(body);
}

function onData(this: ReadingRequest, chunk: Buffer): void {
  const reading = this[READING];
  if (!reading) return;
  reading.size += chunk.length;
  if (reading.size > reading.limit) {
    this[READING] = undefined;
    reading.response.setHeader('Connection', 'close');
    reading.handler.refuse(reading.response, {
      statusCode: 413,
      code: 'payload_too_large',
      message: `The body is larger than ${reading.limit / 1024 / 1024} MB: send fewer positions per request`,
    });
    return;
  }
  reading.chunks.push(chunk);
}

function onEnd(this: ReadingRequest): void {
  const reading = this[READING];
  if (!reading) return;
  this[READING] = undefined;
  const text =
    reading.chunks.length === 1 ? reading.chunks[0].toString('utf8') : Buffer.concat(reading.chunks).toString('utf8');
  reading.handler.withBody(reading, text);
}

/**
 * The tracker protocols, answered in front of the web framework: trackers
 * report every second each, so their requests skip routing, middleware and
 * the framework's per-request pipeline. The checks are the same (the parsers,
 * the device's registration and secret, plausibility), and so is the promise:
 * a 200 is sent only once the fix is durably stored. A request from a web page
 * (it carries an Origin), or one this path does not read (a compressed body,
 * another charset, another method), goes to the framework's route as before.
 */
export class IngestRoute implements PositionSink<ServerResponse> {
  constructor(
    private readonly ingest: IngestService,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  /** Puts this route in front of the server's other request listeners. */
  mount(server: Server): void {
    const others = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.take(request, response)) return;
      for (const listener of others) listener.call(server, request, response);
    });
  }

  /** Handles the request if it is a tracker's; false leaves it to the framework. */
  take(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url;
    if (url === undefined || !url.startsWith('/api/ingest/')) return false;
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const route = routeOf(request.method, path);
    if (route === undefined || request.headers.origin !== undefined || needsFramework(request)) return false;
    const query = mark < 0 ? '' : url.slice(mark + 1);
    // Told before anything is read: a tracker that is behind resends later, it does not wait.
    const refusal = this.ingest.overloaded();
    if (refusal) {
      this.failed(response, refusal);
      return true;
    }
    if (route === 'osmand-get') {
      this.osmAnd(response, parseQueryString(query) as Fields);
      return true;
    }
    const type = mediaType(request.headers['content-type']);
    const reading: Reading = {
      route,
      path,
      query,
      type,
      chunks: [],
      size: 0,
      limit: type === 'application/x-www-form-urlencoded' ? FORM_LIMIT : JSON_LIMIT,
      response,
      handler: this,
    };
    (request as ReadingRequest)[READING] = reading;
    request.on('data', onData);
    request.on('end', onEnd);
    return true;
  }

  /** @internal Once the body is in. */
  withBody(reading: Reading, text: string): void {
    const { route, response, type } = reading;
    let json: unknown;
    if (type === 'application/json') {
      try {
        json = text.trim() === '' ? {} : JSON.parse(text);
      } catch (error) {
        this.refuse(response, {
          statusCode: 400,
          code: 'invalid_json',
          message: `The body is not valid JSON: ${(error as Error).message}`,
        });
        return;
      }
    }
    try {
      if (route === 'osmand-post') {
        if (type === 'application/json') this.osmAndJson(response, json);
        else {
          const fields = parseQueryString(reading.query) as Fields;
          if (type === 'application/x-www-form-urlencoded') Object.assign(fields, parseQueryString(text));
          this.osmAnd(response, fields);
        }
      } else if (route === 'traccar') this.traccar(response, json);
      else this.batch(response, json);
    } catch (error) {
      this.failed(response, error as Error);
    }
  }

  private osmAnd(response: ServerResponse, fields: Fields): void {
    let report: PositionReport;
    try {
      report = requireParsed(parseOsmAnd(fields, new Date()));
    } catch (error) {
      return this.failed(response, error as Error);
    }
    this.ingest.acceptInto(report, this, response);
  }

  private osmAndJson(response: ServerResponse, body: unknown): void {
    this.ingest.acceptInto(requireParsed(parseOsmAndJson(body, new Date())), this, response);
  }

  private traccar(response: ServerResponse, body: unknown): void {
    const { position, event } = requireParsed(parseTraccarForward(body, new Date()));
    // Pourline judges fences itself from positions; a forwarded event alone changes nothing.
    const stored = position ? this.ingest.accept(position) : Promise.resolve(null);
    stored.then(
      (done) =>
        send(response, 200, JSON.stringify({ positionId: done?.positionId ?? null, event: event?.type ?? null })),
      (error: Error) => this.failed(response, error),
    );
  }

  private batch(response: ServerResponse, body: unknown): void {
    this.ingest.acceptBatch(requireParsed(parseBatch(body, new Date())).items).then(
      (result) => send(response, 200, JSON.stringify(result)),
      (error: Error) => this.failed(response, error),
    );
  }

  stored(response: ServerResponse, positionId: string): void {
    send(response, 200, `{"positionId":${JSON.stringify(positionId)}}`);
  }

  failed(response: ServerResponse, error: Error): void {
    const body = toApiError(error);
    if (!body) {
      this.logger.error(error.stack ?? error.message);
      return this.refuse(response, {
        statusCode: 500,
        code: 'internal_error',
        message: 'Something went wrong on our side; it has been logged',
      });
    }
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    this.refuse(response, body, typeof retryAfter === 'number' ? retryAfter : undefined);
  }

  /** @internal */
  refuse(response: ServerResponse, body: ApiError, retryAfterSeconds?: number): void {
    send(response, body.statusCode, JSON.stringify(body), retryAfterSeconds);
  }
}
