import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { LiveEventMap, LiveEventType, PositionsBatch } from '@pourline/contracts';
import { LiveEventsRepository } from './live-events.repository';
import { roomsForProject } from './live-rooms';

type Payload<T extends LiveEventType> = LiveEventMap[T]['payload'];

/**
 * Numbers and stores an event, then pushes it to the rooms that may see it.
 * Called after the change has committed, so nothing is pushed that did not happen.
 */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);
  private namespace: Namespace | undefined;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  constructor(private readonly events: LiveEventsRepository) {}

  async publish<T extends LiveEventType>(type: T, projectId: string | null, payload: Payload<T>): Promise<void> {
    try {
      const event = await this.events.insert(type, projectId, payload as unknown as Record<string, unknown>);
      const envelope = { seq: Number(event.seq), at: event.at.toISOString(), payload };
      this.namespace?.to(roomsForProject(projectId)).emit(type, envelope);
    } catch (error) {
      // The change itself is committed; a missed push is caught up by the next snapshot.
      this.logger.error(`could not publish ${type}: ${String(error)}`);
    }
  }

  pushPositions(rooms: string[], batch: PositionsBatch): void {
    if (rooms.length > 0) this.namespace?.to(rooms).emit('positions.v1', batch);
  }
}
