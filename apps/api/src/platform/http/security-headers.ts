import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * The CSP source of the map's tile server, from a Leaflet URL template: a
 * `{s}` subdomain becomes a wildcard; a template without a host (tiles served
 * by this server) needs nothing beyond 'self'.
 */
export function tileSource(mapTileUrl: string): string | undefined {
  const match = /^(https?:)\/\/([^/?#]+)/i.exec(mapTileUrl);
  if (!match) return undefined;
  const [, scheme, host] = match;
  return `${scheme!.toLowerCase()}//${host!.replace(/\{s\}/g, '*')}`;
}

/**
 * Security headers on every answer, with a content security policy the
 * console keeps to: its own scripts only, map tiles from the configured tile
 * server, live updates over its own origin.
 */
export function useSecurityHeaders(app: INestApplication, mapTileUrl: string): void {
  const tiles = tileSource(mapTileUrl);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
          // 'self' covers the console's own ws:/wss: socket in current browsers.
          'connect-src': ["'self'"],
          'worker-src': ["'self'", 'blob:'],
          // Plain-HTTP installs (a demo on a laptop, a plant's LAN) must keep loading their own files.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
}
