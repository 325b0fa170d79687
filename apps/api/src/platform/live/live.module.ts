import { Global, Module } from '@nestjs/common';
import { LiveEventsRepository } from './live-events.repository';
import { LivePublisher } from './live-publisher.service';

@Global()
@Module({
  providers: [LiveEventsRepository, LivePublisher],
  exports: [LiveEventsRepository, LivePublisher],
})
export class LiveModule {}
