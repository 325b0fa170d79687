import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/api-process';
import { benchPosition } from '../bench-fleet';
import type { MapView } from './map-view';

const LEAFLET_DIST = join(REPO_ROOT, 'node_modules/leaflet/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

// Plain Leaflet, nothing of Pourline: one canvas renderer, a circle marker per truck, and every
// marker moved once a second along the bench path. Its redraws and its position updates are timed
// the way the truck layer times its own, in a ring the bench reads with layerTimings(from).
const BASELINE_SCRIPT = `
const capacity = 4096;
const ring = { work: [], start: new Float64Array(capacity), duration: new Float64Array(capacity), recorded: 0 };
const record = (work, start) => {
  const at = ring.recorded % capacity;
  ring.work[at] = work;
  ring.start[at] = start;
  ring.duration[at] = performance.now() - start;
  ring.recorded += 1;
};
const redraw = L.Canvas.prototype._redraw;
L.Canvas.prototype._redraw = function () {
  const start = performance.now();
  try {
    return redraw.apply(this, arguments);
  } finally {
    record('draw', start);
  }
};
fetch('/path.json').then((response) => response.json()).then(({ trucks, seconds, lat, lng, view, radius }) => {
  const map = L.map('map', { preferCanvas: true, zoomSnap: 0, fadeAnimation: false })
    .setView([view.center.lat, view.center.lng], view.zoom);
  const markers = [];
  for (let index = 0; index < trucks; index += 1) {
    markers.push(L.circleMarker([lat[index], lng[index]], {
      radius, color: '#0d1117', weight: 1.5, fillColor: '#3fb950', fillOpacity: 1,
    }).addTo(map));
  }
  let second = 0;
  let moved = 0;
  setInterval(() => {
    const start = performance.now();
    second = (second + 1) % seconds;
    const offset = second * trucks;
    for (let index = 0; index < trucks; index += 1) markers[index].setLatLng([lat[offset + index], lng[offset + index]]);
    moved += trucks;
    record('apply', start);
  }, 1000);
  window.__baseline = {
    inView: () => markers.filter((marker) => map.getBounds().contains(marker.getLatLng())).length,
    moved: () => moved,
    layerTimings: (from) => {
      const first = Math.max(from, ring.recorded - capacity, 0);
      const entries = [];
      for (let sequence = first; sequence < ring.recorded; sequence += 1) {
        const at = sequence % capacity;
        entries.push({ work: ring.work[at], start: ring.start[at], durationMs: ring.duration[at] });
      }
      return { next: ring.recorded, lost: first - Math.max(from, 0), entries };
    },
  };
});
`;

function pageHtml(view: MapView): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bare Leaflet baseline</title>
<link rel="stylesheet" href="/leaflet/leaflet.css">
<style>html, body { margin: 0; background: #0d1117; }
#map { position: absolute; left: 0; top: 0; width: ${view.width}px; height: ${view.height}px; }</style>
</head><body><div id="map"></div>
<script src="/leaflet/leaflet.js"></script><script src="/baseline.js"></script></body></html>`;
}

/** Every truck's bench position for each second of the run, as the page replays them. */
function pathJson(trucks: number, seconds: number, view: MapView, radius: number): string {
  const lat: number[] = [];
  const lng: number[] = [];
  for (let second = 0; second < seconds; second += 1) {
    for (let index = 0; index < trucks; index += 1) {
      const position = benchPosition(index, second);
      lat.push(Number(position.lat.toFixed(6)));
      lng.push(Number(position.lng.toFixed(6)));
    }
  }
  return JSON.stringify({ trucks, seconds, lat, lng, view, radius });
}

export interface BaselineServer {
  url: string;
  close: () => Promise<void>;
}

/** Writes the baseline page into a temp dir and serves it, with Leaflet from node_modules. */
export async function serveBaselinePage(
  trucks: number,
  seconds: number,
  view: MapView,
  radius: number,
): Promise<BaselineServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pourline-map-bench-'));
  writeFileSync(join(dir, 'index.html'), pageHtml(view));
  writeFileSync(join(dir, 'baseline.js'), BASELINE_SCRIPT);
  writeFileSync(join(dir, 'path.json'), pathJson(trucks, seconds, view, radius));
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = path.startsWith('/leaflet/')
      ? join(LEAFLET_DIST, path.slice('/leaflet/'.length))
      : join(dir, path === '/' ? 'index.html' : path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

export async function openBaselinePage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; inView: () => Promise<number>; moved: () => Promise<number>; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction('Boolean(window.__baseline)', undefined, { timeout: 30_000 });
  return {
    page,
    inView: async () => (await page.evaluate('window.__baseline.inView()')) as number,
    moved: async () => (await page.evaluate('window.__baseline.moved()')) as number,
    close: () => context.close(),
  };
}
