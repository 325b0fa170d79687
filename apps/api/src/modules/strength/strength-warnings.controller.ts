import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, StrengthWarningQuery } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { StrengthWarnings } from './strength-warnings.service';

@ApiTags('strength')
@Controller('strength/warnings')
export class StrengthWarningsController {
  constructor(private readonly warnings: StrengthWarnings) {}

  @Get()
  @Can('strength.lots.read')
  list(@Query({ schema: StrengthWarningQuery }) query: StrengthWarningQuery, @Actor() actor: CurrentUser) {
    return this.warnings.list(query, actor);
  }
}
