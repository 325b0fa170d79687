import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountWebConsole } from './web-console';

describe(mountWebConsole.name, () => {
  let root: string;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    // A checkout under a hidden folder, as a clone under ~/.cache would be.
    root = mkdtempSync(join(tmpdir(), 'pourline-console-'));
    const dist = join(root, '.cache', 'pourline', 'apps', 'web', 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Pourline console</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("console");');
    // A file where an API path points: the API must answer, not the file.
    mkdirSync(join(dist, 'api', 'ingest'), { recursive: true });
    writeFileSync(join(dist, 'api', 'ingest', 'osmand'), 'a file');
    const app = express();
    mountWebConsole(app as never, dist, () => undefined);
    app.get('/api/ingest/osmand', (_request, response) => {
      response.send('the API');
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the index page from a folder whose path has a dot segment', async () => {
    const answer = await fetch(`${baseUrl}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Pourline console');
  });

  it('falls back to the index page for the console’s own routes', async () => {
    const answer = await fetch(`${baseUrl}/pours/123`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves API paths to the API without looking for a file', async () => {
    const answer = await fetch(`${baseUrl}/api/ingest/osmand`);
    expect(await answer.text()).toBe('the API');
  });

  it('serves the built assets', async () => {
    const answer = await fetch(`${baseUrl}/assets/app.js`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('console');
  });

  it('leaves API paths to the API', async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(404);
  });
});
