import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { type CurrentUser, LIVE_NAMESPACE, type LiveHandshake } from '@pourline/contracts';
import { visibleProjectIds } from '../auth/project-scope';
import { AuthService } from '../auth/auth.service';
import { DomainError } from '../errors/domain-error';
import { LiveEventsRepository } from './live-events.repository';
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
 * is, sends what they missed since the numbers they last saw, then goes live.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
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
      user = await this.auth.authenticate(typeof handshake.token === 'string' ? handshake.token : undefined);
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
   * Replays up to now, joins the rooms, then replays once more what happened
   * during the first pass; a client drops numbers it has already seen.
   */
  private async catchUp(socket: Socket, user: CurrentUser, lastSeq: number, lastPositionSeq: number): Promise<void> {
    const projectIds = visibleProjectIds(user);
    let seq = lastSeq;
    let replayed = 0;
    const replay = async () => {
      for (const event of await this.events.since(seq, projectIds)) {
        seq = Number(event.seq);
        replayed += 1;
        socket.emit(event.type, { seq, at: event.at.toISOString(), payload: event.payload });
      }
    };
    await replay();
    await socket.join(roomsFor(user));
    await replay();
    const snapshot = await this.positions.since(lastPositionSeq, projectIds);
    if (snapshot.positions.length > 0) socket.emit('positions.v1', snapshot);
    const positionSeq = Math.max(lastPositionSeq, snapshot.positionSeq);
    socket.emit('live.ready.v1', { seq: Math.max(seq, await this.events.latestSeq()), positionSeq, replayed });
  }
}
