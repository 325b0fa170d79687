import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  type CurrentUser,
  LIVE_FRESH_LIMIT,
  LIVE_NAMESPACE,
  LIVE_REPLAY_LIMIT,
  type LiveEventType,
  type LiveHandshake,
} from '@pourline/contracts';
import { visibleProjectIds } from '../auth/project-scope';
import { AuthService } from '../auth/auth.service';
import { sessionToken } from '../auth/session-cookies';
import { DomainError } from '../errors/domain-error';
import { LiveEventsRepository, type NumberedEvent } from './live-events.repository';
import { LivePublisher } from './live-publisher.service';
import { LiveScope } from './live-scope.service';
import { roomsFor } from './live-rooms';
import { PositionSnapshots } from './position-snapshots';

function whole(value: unknown): number {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : 0;
}

/**
 * Authenticates at connect, joins the rooms that follow from who the person
 * is, sends what they missed since the numbers they last applied, then goes live.
 */
// Which pages may connect is the adapter's origin policy (ALLOWED_ORIGINS), not the gateway's.
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  namespace!: Namespace;

  constructor(
    private readonly auth: AuthService,
    private readonly events: LiveEventsRepository,
    private readonly publisher: LivePublisher,
    private readonly positions: PositionSnapshots,
    private readonly scope: LiveScope,
  ) {}

  afterInit(namespace: Namespace): void {
    this.publisher.attach(namespace);
    this.scope.attach(namespace);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const handshake = (socket.handshake.auth ?? {}) as Partial<LiveHandshake>;
    let user: CurrentUser;
    try {
      // A program sends a bearer token; the console is known by its session cookie.
      const token =
        typeof handshake.token === 'string' ? handshake.token : sessionToken(socket.handshake.headers.cookie);
      user = await this.auth.authenticate(token);
    } catch (error) {
      const message = error instanceof DomainError ? error.message : 'Sign in first';
      socket.emit('live.error.v1', { code: 'unauthenticated', message });
      socket.disconnect(true);
      return;
    }
    try {
      await this.catchUp(socket, user, whole(handshake.lastSeq), whole(handshake.lastPositionSeq));
    } catch (error) {
      this.logger.error(`replay for ${user.username} failed: ${String(error)}`);
      socket.emit('live.error.v1', { code: 'replay_failed', message: 'Could not send what you missed; reconnect' });
      socket.disconnect(true);
    }
  }

  /**
   * Joins the rooms first, then replays from the database up to the highest
   * number committed at that moment: whatever is numbered later reaches the
   * rooms live, so nothing falls between replay and live (the client buffers
   * until ready and drops what it saw twice). The contract is in live.ts.
   */
  private async catchUp(socket: Socket, user: CurrentUser, lastSeq: number, lastPositionSeq: number): Promise<void> {
    const projectIds = visibleProjectIds(user);
    await socket.join(roomsFor(user));
    const state = await this.events.state();
    let events: NumberedEvent[];
    if (lastSeq > state.lastSeq) {
      socket.emit('live.reset.v1', { seq: state.lastSeq });
      events = await this.events.newest(0, state.lastSeq, projectIds, LIVE_FRESH_LIMIT);
    } else if (lastSeq === 0) {
      events = await this.events.newest(0, state.lastSeq, projectIds, LIVE_FRESH_LIMIT);
    } else {
      events = await this.events.newest(lastSeq, state.lastSeq, projectIds, LIVE_REPLAY_LIMIT + 1);
      const missedTo = Math.max(
        events.length > LIVE_REPLAY_LIMIT ? events[0].seq : 0,
        lastSeq < state.prunedThroughSeq ? state.prunedThroughSeq : 0,
      );
      if (missedTo > 0) {
        socket.emit('live.gap.v1', { from: lastSeq + 1, to: missedTo });
        events = events.filter((event) => event.seq > missedTo);
      }
    }
    for (const event of events) {
      socket.emit(event.type as LiveEventType, { seq: event.seq, at: event.at.toISOString(), payload: event.payload });
    }
    const snapshot = await this.positions.since(lastPositionSeq, projectIds);
    if (snapshot.positions.length > 0) socket.emit('positions.v1', snapshot);
    const positionSeq = Math.max(lastPositionSeq, snapshot.positionSeq);
    socket.emit('live.ready.v1', { seq: state.lastSeq, positionSeq, replayed: events.length });
  }
}
