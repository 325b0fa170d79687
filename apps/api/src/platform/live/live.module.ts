import { Global, Module } from '@nestjs/common';
import { LiveEventsRepository } from './live-events.repository';
import { IdentityRepository } from '../auth/identity.repository';
import { LivePublisher } from './live-publisher.service';
import { LiveRelay } from './live-relay.service';
import { LiveScope } from './live-scope.service';

@Global()
@Module({
  providers: [LiveEventsRepository, LivePublisher, LiveRelay, IdentityRepository, LiveScope],
  exports: [LiveEventsRepository, LivePublisher, LiveRelay, LiveScope],
})
export class LiveModule {}
