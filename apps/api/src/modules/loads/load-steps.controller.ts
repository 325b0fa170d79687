import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BatchedRequest,
  type CurrentUser,
  DivertLoadRequest,
  IdParam,
  LoadReasonRequest,
  LoadStepRequest,
  StartLoadingRequest,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { LoadStepsService } from './load-steps.service';

/** One route per step of the truck cycle, each naming who may confirm it. */
@ApiTags('loads')
@Controller('loads/:id')
export class LoadStepsController {
  constructor(private readonly steps: LoadStepsService) {}

  @Post('start-loading')
  @Can('loads.plant-step')
  @HttpCode(200)
  startLoading(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: StartLoadingRequest }) body: StartLoadingRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.startLoading(id, body, actor);
  }

  @Post('send-to-qc')
  @Can('loads.plant-step')
  @HttpCode(200)
  sendToQc(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: BatchedRequest }) body: BatchedRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.sendToQc(id, body, actor);
  }

  @Post('depart')
  @Can('loads.plant-step')
  @HttpCode(200)
  depart(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.depart(id, body, actor);
  }

  @Post('arrive')
  @Can('loads.site-confirm')
  @HttpCode(200)
  arrive(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.arrive(id, body, actor);
  }

  @Post('start-discharge')
  @Can('loads.site-confirm')
  @HttpCode(200)
  startDischarge(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.startDischarge(id, body, actor);
  }

  @Post('end-discharge')
  @Can('loads.site-confirm')
  @HttpCode(200)
  endDischarge(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.endDischarge(id, body, actor);
  }

  @Post('leave-site')
  @Can('loads.site-confirm')
  @HttpCode(200)
  leaveSite(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.leaveSite(id, body, actor);
  }

  @Post('back-at-plant')
  @Can('loads.plant-step')
  @HttpCode(200)
  backAtPlant(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadStepRequest }) body: LoadStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.backAtPlant(id, body, actor);
  }

  @Post('dispose')
  @Can('loads.plant-step')
  @HttpCode(200)
  dispose(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadReasonRequest }) body: LoadReasonRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.dispose(id, body, actor);
  }

  @Post('cancel')
  @Can('loads.dispatch')
  @HttpCode(200)
  cancel(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: LoadReasonRequest }) body: LoadReasonRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.cancel(id, body, actor);
  }

  @Post('divert')
  @Can('loads.dispatch')
  @HttpCode(200)
  divert(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: DivertLoadRequest }) body: DivertLoadRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.steps.divert(id, body, actor);
  }
}
