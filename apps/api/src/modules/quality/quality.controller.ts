import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam, OverrideQcRequest, RecordQcTestRequest } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { NonConformancesService } from './non-conformances.service';
import { QcOverridesService } from './qc-overrides.service';
import { QcTestsService } from './qc-tests.service';

@ApiTags('quality')
@Controller()
export class QualityController {
  constructor(
    private readonly tests: QcTestsService,
    private readonly overrides: QcOverridesService,
    private readonly nonConformances: NonConformancesService,
  ) {}

  @Get('loads/:id/qc-tests')
  @Can('qc.read')
  list(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.tests.list(id, actor);
  }

  @Post('loads/:id/qc-tests')
  @Can('qc.record')
  record(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: RecordQcTestRequest }) body: RecordQcTestRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.tests.record(id, body, actor);
  }

  @Post('qc-tests/:id/override')
  @Can('qc.override')
  @HttpCode(200)
  override(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: OverrideQcRequest }) body: OverrideQcRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.overrides.override(id, body, actor);
  }

  @Get('pours/:id/non-conformances')
  @Can('qc.read')
  listNonConformances(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.nonConformances.listForPour(id, actor);
  }
}
