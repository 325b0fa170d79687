import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { PlantQueueService } from './plant-queue.service';

@ApiTags('loads')
@Controller()
export class PlantQueueController {
  constructor(private readonly queue: PlantQueueService) {}

  @Get('plants/:id/queue')
  @Can('plants.queue')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.queue.queue(id, actor);
  }
}
