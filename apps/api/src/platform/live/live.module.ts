import { Global, Module } from '@nestjs/common';
import { LiveEventsRepository } from './live-events.repository';
import { LivePublisher } from './live-publisher.service';
import { LiveRelay } from './live-relay.service';

@Global()
@Module({
  providers: [LiveEventsRepository, LivePublisher, LiveRelay],
  exports: [LiveEventsRepository, LivePublisher, LiveRelay],
})
export class LiveModule {}
