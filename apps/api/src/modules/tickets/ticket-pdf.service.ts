import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@pourline/contracts';
import { Clock } from '../../platform/clock/clock';
import { PdfDocuments } from '../../platform/pdf/pdf-documents';
import { writeTicketPdf } from './ticket-pdf';
import { TicketsService } from './tickets.service';

@Injectable()
export class TicketPdfService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly pdf: PdfDocuments,
    private readonly clock: Clock,
  ) {}

  async render(loadId: string, actor: CurrentUser): Promise<{ fileName: string; content: Buffer }> {
    const ticket = await this.tickets.get(loadId, actor);
    const number = ticket.content.ticketNumber;
    const content = await this.pdf.render(
      {
        title: `送货单 Delivery ticket ${number} v${ticket.currentVersion}`,
        author: ticket.content.plant.name,
        language: 'zh-CN',
        createdAt: this.clock.now(),
      },
      (doc) => writeTicketPdf(doc, ticket),
    );
    return { fileName: `${number}-v${ticket.currentVersion}.pdf`, content };
  }
}
