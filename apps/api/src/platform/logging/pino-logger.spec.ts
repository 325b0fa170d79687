import { Writable } from 'node:stream';
import pino from 'pino';
import { logFormatFor, PinoNestLogger, terminalLine } from './pino-logger';

function capture(): { lines: Array<Record<string, unknown>>; logger: pino.Logger } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

describe('log format', () => {
  it('is readable at a terminal and JSON for a collector unless set', () => {
    expect(logFormatFor(undefined, true)).toBe('pretty');
    expect(logFormatFor('auto', false)).toBe('json');
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor('pretty', false)).toBe('pretty');
    expect(() => logFormatFor('xml', true)).toThrow('LOG_FORMAT must be auto, pretty or json, got "xml"');
  });

  it('writes a request on one terminal line with its status, time and id', () => {
    const line = terminalLine({
      msg: 'request completed',
      req: { id: 'r-1', method: 'POST', url: '/api/loads' },
      res: { statusCode: 201 },
      responseTime: 12,
    });
    expect(line).toBe('POST /api/loads → 201 in 12 ms (r-1)');
    expect(terminalLine({ msg: 'listening', context: 'LiveRelay' })).toBe('[LiveRelay] listening');
  });
});

describe('Nest messages', () => {
  it('keeps the start-up route and module lines out of the info log', async () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('Mapped {/api/pours, GET} route', 'RouterExplorer');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('Nest application successfully started', 'NestApplication');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line.msg)).toEqual(['Nest application successfully started']);
  });
});
