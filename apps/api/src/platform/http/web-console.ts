import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The API and the live feed are never files: they skip the console's file lookups entirely. */
function isServerPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path.startsWith('/socket.io/');
}

/**
 * Serves the built console; every non-API path falls back to its index page. Trackers post to the
 * API every second each, so the file lookup (a stat per request) is kept off their path.
 */
export function mountWebConsole(
  app: Pick<NestExpressApplication, 'use'>,
  webDistDir: string,
  warn: (line: string) => void,
): void {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    warn(`console not built (${index} missing): run "npm run build"`);
    return;
  }
  const files = express.static(webDistDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isServerPath(request.path)) return next();
    files(request, response, next);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || isServerPath(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    // Relative to its root: an absolute path through a folder starting with a dot (a checkout under
    // ~/.cache, say) would be refused as a dotfile.
    response.sendFile('index.html', { root: webDistDir });
  });
}
