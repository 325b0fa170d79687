import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateSpecimenSetRequest,
  type CurrentUser,
  IdParam,
  RecordStrengthRequest,
  WitnessSpecimenSetRequest,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { SpecimensService } from './specimens.service';

@ApiTags('quality')
@Controller()
export class SpecimensController {
  constructor(private readonly specimens: SpecimensService) {}

  @Get('pours/:id/sampling')
  @Can('qc.read')
  samplingPlan(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.specimens.samplingPlan(id, actor);
  }

  @Get('pours/:id/specimen-sets')
  @Can('qc.read')
  list(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.specimens.list(id, actor);
  }

  @Post('pours/:id/specimen-sets')
  @Can('specimens.manage')
  create(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: CreateSpecimenSetRequest }) body: CreateSpecimenSetRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.specimens.create(id, body, actor);
  }

  @Post('specimen-sets/:id/results')
  @Can('specimens.manage')
  recordResults(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: RecordStrengthRequest }) body: RecordStrengthRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.specimens.recordResults(id, body, actor);
  }

  @Post('specimen-sets/:id/witness')
  @Can('specimens.witness')
  @HttpCode(200)
  witness(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: WitnessSpecimenSetRequest }) body: WitnessSpecimenSetRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.specimens.witness(id, body, actor);
  }

  @Get('pours/:id/strength')
  @Can('qc.read')
  strength(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.specimens.strength(id, actor);
  }
}
