import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcknowledgePourRequest, type CurrentUser, IdParam, OpenPourRequestsQuery } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { PourRequestsService } from './pour-requests.service';

/** The dispatch room's side of site requests: what is waiting for an answer, and the answer. */
@ApiTags('pours')
@Controller('pour-requests')
export class PourRequestsController {
  constructor(private readonly requests: PourRequestsService) {}

  @Get()
  @Can('pours.read')
  listOpen(@Query({ schema: OpenPourRequestsQuery }) query: OpenPourRequestsQuery, @Actor() actor: CurrentUser) {
    return this.requests.listOpen(query, actor);
  }

  @Post(':id/acknowledge')
  @Can('pours.request-acknowledge')
  @HttpCode(200)
  acknowledge(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AcknowledgePourRequest }) body: AcknowledgePourRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.requests.acknowledge(id, body, actor);
  }
}
