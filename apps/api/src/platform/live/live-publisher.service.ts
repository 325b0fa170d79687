import { Inject, Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { EntityManager } from 'typeorm';
import type { LiveEventMap, LiveEventType, PackedPositionsFrame } from '@pourline/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsRepository } from './live-events.repository';
import { mayReach, watchProjectRooms } from './live-rooms';

type Payload<T extends LiveEventType> = LiveEventMap[T]['payload'];

/**
 * Queues an event in the transaction of the change it announces: both commit
 * or neither does. The relay numbers and pushes it once committed, so a crash
 * or a lost connection between the change and its push loses nothing, and a
 * failing push can never fail a request whose change has already happened.
 */
@Injectable()
export class LivePublisher {
  private namespace: Namespace | undefined;
  /** Rooms are shared with other instances through Redis: members elsewhere are not in the local list. */
  private readonly shared: boolean;
  /** How many project rooms have a socket of this instance in them. */
  private localProjectRooms: () => number = () => 0;

  constructor(
    private readonly events: LiveEventsRepository,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'redisUrl'>,
  ) {
    this.shared = config.redisUrl !== undefined;
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.localProjectRooms = watchProjectRooms(namespace.adapter);
  }

  /** The namespace the relay pushes through; undefined until the gateway is up. */
  get attached(): Namespace | undefined {
    return this.namespace;
  }

  publish<T extends LiveEventType>(
    manager: EntityManager,
    type: T,
    projectId: string | null,
    payload: Payload<T>,
  ): Promise<void> {
    return this.events.enqueue(manager, type, projectId, payload as unknown as Record<string, unknown>);
  }

  /** Whether anyone may hear what is pushed to this room now (see `mayReach`). */
  reaches(room: string): boolean {
    return this.namespace !== undefined && mayReach(room, this.namespace.adapter.rooms, this.shared);
  }

  /** Whether anyone may hear what is pushed to some project room now: with none, no project's frame is worth making. */
  reachesAnyProject(): boolean {
    return this.namespace !== undefined && (this.shared || this.localProjectRooms() > 0);
  }

  /** Positions are not numbered events: they go straight out, coalesced, and catch up by their own number. */
  pushPackedPositions(room: string, frame: PackedPositionsFrame): void {
    this.namespace?.to(room).emit('positions.packed.v2', frame);
  }
}
