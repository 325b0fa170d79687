import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Controller('pours/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Can('evidence.read')
  pack(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.evidence.pack(id, actor);
  }
}
