import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { WORKER_HEADER } from '../cluster/cluster-primary';
import type { OriginPolicy } from '../http/origin-policy';

/**
 * The socket.io server behind the live gateway. CORS does not cover a
 * WebSocket, so the handshake itself is refused for a page of a foreign origin.
 * One of several workers on a port takes WebSocket only: long polling would need
 * every request of a session to reach the same worker, and the console never polls.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: OriginPolicy,
    private readonly worker?: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      ...(this.worker ? { transports: ['websocket'] } : {}),
      cors: { origin: this.origins.listed, credentials: true },
      allowRequest: (request, callback) => {
        const allowed = this.origins.allows(request.headers);
        callback(allowed ? null : this.origins.refusal(request.headers.origin), allowed);
      },
    } as ServerOptions) as Server;
    const worker = this.worker;
    if (worker) {
      server.engine.on('headers', (headers: Record<string, string>) => {
        headers[WORKER_HEADER] = worker;
      });
    }
    return server;
  }
}
