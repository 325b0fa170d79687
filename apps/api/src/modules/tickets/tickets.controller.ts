import { Body, Controller, Get, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam, TicketCorrectionRequest, TicketSignatureRequest } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { TicketPdfService } from './ticket-pdf.service';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('loads/:id/ticket')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly pdf: TicketPdfService,
  ) {}

  @Get()
  @Can('loads.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.tickets.get(id, actor);
  }

  @Get('pdf')
  @Can('loads.read')
  async pdfFile(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    const { fileName, content } = await this.pdf.render(id, actor);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `inline; filename="${encodeURIComponent(fileName)}"`,
      length: content.length,
    });
  }

  @Post('signature')
  @Can('tickets.sign')
  sign(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: TicketSignatureRequest }) body: TicketSignatureRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.tickets.sign(id, body, actor);
  }

  @Post('corrections')
  @Can('tickets.correct')
  correct(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: TicketCorrectionRequest }) body: TicketCorrectionRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.tickets.correct(id, body, actor);
  }
}
