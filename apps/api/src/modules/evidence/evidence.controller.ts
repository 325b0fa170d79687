import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { z } from 'zod';
import { EVIDENCE_LANGUAGES } from './evidence-labels';
import { EvidenceService } from './evidence.service';

const PdfQuery = z.strictObject({ lang: z.enum(EVIDENCE_LANGUAGES).default('en') });
type PdfQuery = z.infer<typeof PdfQuery>;

@ApiTags('evidence')
@Controller('pours/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Can('evidence.read')
  pack(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.evidence.pack(id, actor);
  }

  @Get('pdf')
  @Can('evidence.read')
  async pdf(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Query({ schema: PdfQuery }) { lang }: PdfQuery,
    @Actor() actor: CurrentUser,
  ) {
    const { fileName, content } = await this.evidence.pdf(id, lang, actor);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `inline; filename="${encodeURIComponent(fileName)}"`,
      length: content.length,
    });
  }
}
