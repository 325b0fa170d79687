import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangePourStatusRequest,
  CreatePourRequestMessage,
  DispatchHoldRequest,
  CreatePourRequest,
  type CurrentUser,
  IdParam,
  PageQuery,
  PourListQuery,
  UpdatePourRequest,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { PourHistoryService } from './pour-history.service';
import { PourRequestsService } from './pour-requests.service';
import { PoursService } from './pours.service';

@ApiTags('pours')
@Controller('pours')
export class PoursController {
  constructor(
    private readonly pours: PoursService,
    private readonly history: PourHistoryService,
    private readonly requests: PourRequestsService,
  ) {}

  @Get()
  @Can('pours.read')
  list(@Query({ schema: PourListQuery }) query: PourListQuery, @Actor() actor: CurrentUser) {
    return this.pours.list(query, actor);
  }

  @Get(':id')
  @Can('pours.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.pours.get(id, actor);
  }

  @Post()
  @Can('pours.plan')
  create(@Body({ schema: CreatePourRequest }) body: CreatePourRequest, @Actor() actor: CurrentUser) {
    return this.pours.create(body, actor);
  }

  @Patch(':id')
  @Can('pours.plan')
  update(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: UpdatePourRequest }) body: UpdatePourRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.pours.update(id, body, actor);
  }

  @Post(':id/status')
  @Can('pours.change-status')
  @HttpCode(200)
  changeStatus(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: ChangePourStatusRequest }) body: ChangePourStatusRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.pours.changeStatus(id, body, actor);
  }

  @Get(':id/history')
  @Can('pours.read')
  listHistory(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Query({ schema: PageQuery }) query: PageQuery,
    @Actor() actor: CurrentUser,
  ) {
    return this.history.list(id, query, actor);
  }

  @Post(':id/requests')
  @Can('pours.request')
  ask(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: CreatePourRequestMessage }) body: CreatePourRequestMessage,
    @Actor() actor: CurrentUser,
  ) {
    return this.requests.create(id, body, actor);
  }

  @Get(':id/requests')
  @Can('pours.read')
  listRequests(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.requests.list(id, actor);
  }

  @Post(':id/dispatch-hold')
  @Can('pours.change-status')
  @HttpCode(200)
  holdDispatch(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: DispatchHoldRequest }) body: DispatchHoldRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.pours.setDispatchHold(id, body.reason, actor);
  }

  @Post(':id/dispatch-resume')
  @Can('pours.change-status')
  @HttpCode(200)
  resumeDispatch(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.pours.setDispatchHold(id, null, actor);
  }
}
