import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoadsModule } from '../loads/loads.module';
import { ProjectsModule } from '../projects/projects.module';
import { QualityModule } from '../quality/quality.module';
import { DeliveryTicketVersionEntity } from './delivery-ticket-version.entity';
import { TicketContent } from './ticket-content.service';
import { TicketPdfService } from './ticket-pdf.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

/** Delivery tickets as pages and PDFs, signed or refused at the site, corrected by new versions. */
@Module({
  imports: [TypeOrmModule.forFeature([DeliveryTicketVersionEntity]), LoadsModule, QualityModule, ProjectsModule],
  controllers: [TicketsController],
  providers: [TicketsRepository, TicketContent, TicketsService, TicketPdfService],
})
export class TicketsModule {}
