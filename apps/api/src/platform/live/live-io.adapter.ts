import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { OriginPolicy } from '../http/origin-policy';

/**
 * The socket.io server behind the live gateway. CORS does not cover a
 * WebSocket, so the handshake itself is refused for a page of a foreign origin.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: OriginPolicy,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      cors: { origin: this.origins.listed, credentials: true },
      allowRequest: (request, callback) => {
        const allowed = this.origins.allows(request.headers);
        callback(allowed ? null : this.origins.refusal(request.headers.origin), allowed);
      },
    } as ServerOptions) as Server;
  }
}
