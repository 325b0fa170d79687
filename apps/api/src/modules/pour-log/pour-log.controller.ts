import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam, PostPourMessageRequest, PourLogQuery } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { PourLogService } from './pour-log.service';
import { PourMessagesService } from './pour-messages.service';

@ApiTags('pour log')
@Controller()
export class PourLogController {
  constructor(
    private readonly log: PourLogService,
    private readonly messages: PourMessagesService,
  ) {}

  @Get('pours/:id/log')
  @Can('pours.log.read')
  thread(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Query({ schema: PourLogQuery }) query: PourLogQuery,
    @Actor() actor: CurrentUser,
  ) {
    return this.log.thread(id, query, actor);
  }

  @Post('pours/:id/messages')
  @Can('pours.log.write')
  post(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: PostPourMessageRequest }) body: PostPourMessageRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.messages.post(id, body, actor);
  }

  @Post('pour-messages/:id/confirm')
  @Can('pours.log.confirm')
  @HttpCode(200)
  confirm(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.messages.confirm(id, actor);
  }
}
