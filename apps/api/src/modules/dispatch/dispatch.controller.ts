import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptProposalRequest, type CurrentUser, DispatchSettingsRequest, IdParam } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { DispatchService } from './dispatch.service';
import { PlantTimelineService } from './plant-timeline.service';

@ApiTags('dispatch')
@Controller()
export class DispatchController {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly timeline: PlantTimelineService,
  ) {}

  /** The pour's rhythm, the road's learned time, the proposed loads and the decisions taken. */
  @Get('pours/:id/dispatch')
  @Can('dispatch.read')
  view(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.dispatch.view(id, actor);
  }

  @Post('pours/:id/dispatch/accept')
  @Can('dispatch.plan')
  @HttpCode(201)
  accept(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AcceptProposalRequest }) body: AcceptProposalRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.dispatch.accept(id, body, actor);
  }

  @Patch('pours/:id/dispatch')
  @Can('dispatch.plan')
  settings(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: DispatchSettingsRequest }) body: DispatchSettingsRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.dispatch.changeSettings(id, body, actor);
  }

  /** Pours on the auto switch: whoever else orders loads for the day leaves these alone. */
  @Get('dispatch/auto-pours')
  @Can('dispatch.auto-pours')
  async autoPours() {
    return { pourIds: await this.dispatch.autoPourIds() };
  }

  @Get('plants/:id/timeline')
  @Can('dispatch.read')
  plantTimeline(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.timeline.timeline(id, actor);
  }
}
