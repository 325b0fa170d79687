import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreatePourOrderRequest,
  type CurrentUser,
  DeclinePourOrderRequest,
  IdParam,
  PlanPourOrderRequest,
  PlanResponseRequest,
  PourOrderListQuery,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { PourOrdersService } from './pour-orders.service';

@ApiTags('pour orders')
@Controller()
export class PourOrdersController {
  constructor(private readonly orders: PourOrdersService) {}

  @Get('pour-orders')
  @Can('pours.read')
  list(@Query({ schema: PourOrderListQuery }) query: PourOrderListQuery, @Actor() actor: CurrentUser) {
    return this.orders.list(query, actor);
  }

  @Post('pour-orders')
  @Can('pours.order')
  create(@Body({ schema: CreatePourOrderRequest }) body: CreatePourOrderRequest, @Actor() actor: CurrentUser) {
    return this.orders.create(body, actor);
  }

  @Post('pour-orders/:id/planned')
  @Can('pours.plan')
  @HttpCode(200)
  plan(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: PlanPourOrderRequest }) body: PlanPourOrderRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.orders.plan(id, body, actor);
  }

  @Post('pour-orders/:id/declined')
  @Can('pours.plan')
  @HttpCode(200)
  decline(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: DeclinePourOrderRequest }) body: DeclinePourOrderRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.orders.decline(id, body, actor);
  }

  @Get('pours/:id/plan-responses')
  @Can('pours.read')
  responses(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.orders.responses(id, actor);
  }

  @Post('pours/:id/plan-responses')
  @Can('pours.plan-respond')
  respond(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: PlanResponseRequest }) body: PlanResponseRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.orders.respond(id, body, actor);
  }
}
