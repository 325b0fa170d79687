import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Serves the built console; every non-API path falls back to its index page. */
export function mountWebConsole(
  app: Pick<NestExpressApplication, 'useStaticAssets' | 'use'>,
  webDistDir: string,
  warn: (line: string) => void,
): void {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    warn(`console not built (${index} missing): run "npm run build"`);
    return;
  }
  app.useStaticAssets(webDistDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path.startsWith('/socket.io')) {
      return next();
    }
    response.setHeader('Cache-Control', 'no-cache');
    // Relative to its root: an absolute path through a folder starting with a dot (a checkout under
    // ~/.cache, say) would be refused as a dotfile.
    response.sendFile('index.html', { root: webDistDir });
  });
}
