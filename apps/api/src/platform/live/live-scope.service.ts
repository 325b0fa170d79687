import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { IdentityRepository } from '../auth/identity.repository';
import { isScopeRoom, scopeRoomsFor, userRoom } from './live-rooms';

/** The longest a timer can wait in node; a token living longer is checked again then. */
const MAX_TIMER_MS = 2_147_483_647;

/** The `exp` claim of a JWT, read without checking it: the gateway has already verified the token. */
function tokenExpiresAtMs(token: unknown): number | null {
  if (typeof token !== 'string') return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Keeps open sockets inside what their person may see now. Rooms are joined
 * at connect; when a person's projects or role change, or they are
 * deactivated, every socket of theirs — on any instance, through the adapter
 * — leaves the rooms they may no longer see (and joins the new ones), or is
 * closed with a reason. A socket is closed when its token expires.
 */
@Injectable()
export class LiveScope implements OnModuleDestroy {
  private readonly logger = new Logger(LiveScope.name);
  private namespace: Namespace | undefined;
  private readonly expiryTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly identities: IdentityRepository) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.on('connection', (socket: Socket) => this.watchExpiry(socket));
  }

  /**
   * Re-scopes every socket of these people to what they may see now. Called
   * after the change that narrowed or widened their scope has committed; a
   * failure is logged, never thrown at the request that caused it.
   */
  async refreshUsers(userIds: Iterable<string>): Promise<void> {
    const namespace = this.namespace;
    if (!namespace) return;
    for (const userId of new Set(userIds)) {
      try {
        await this.refreshUser(namespace, userId);
      } catch (error) {
        this.logger.error(`could not re-scope the sockets of user ${userId}: ${String(error)}`);
      }
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
  }

  private async refreshUser(namespace: Namespace, userId: string): Promise<void> {
    const sockets = await namespace.in(userRoom(userId)).fetchSockets();
    if (sockets.length === 0) return;
    const identity = await this.identities.findActiveIdentity(userId);
    if (!identity) {
      namespace.to(userRoom(userId)).emit('live.error.v1', {
        code: 'account_deactivated',
        message: 'This account has been deactivated; the live feed is closed',
      });
      namespace.in(userRoom(userId)).disconnectSockets(true);
      return;
    }
    const allowed = new Set(scopeRoomsFor(identity));
    for (const socket of sockets) {
      const leave = [...socket.rooms].filter((room) => isScopeRoom(room) && !allowed.has(room));
      const join = [...allowed].filter((room) => !socket.rooms.has(room));
      for (const room of leave) socket.leave(room);
      if (join.length > 0) socket.join(join);
    }
  }

  private watchExpiry(socket: Socket): void {
    const expiresAtMs = tokenExpiresAtMs((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (expiresAtMs === null) return;
    const arm = () => {
      const waitMs = expiresAtMs - Date.now();
      if (waitMs <= 0) return this.expire(socket);
      const timer = setTimeout(arm, Math.min(waitMs, MAX_TIMER_MS));
      timer.unref();
      this.expiryTimers.set(socket.id, timer);
    };
    socket.once('disconnect', () => {
      clearTimeout(this.expiryTimers.get(socket.id));
      this.expiryTimers.delete(socket.id);
    });
    arm();
  }

  private expire(socket: Socket): void {
    this.expiryTimers.delete(socket.id);
    if (!socket.connected) return;
    socket.emit('live.error.v1', {
      code: 'token_expired',
      message: 'Your sign-in has expired; sign in again to keep the live feed',
    });
    socket.disconnect(true);
  }
}
