import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';

/** A pour's evidence pack, as a page and as a PDF. */
@Module({
  controllers: [EvidenceController],
  providers: [EvidenceRepository, EvidenceService],
})
export class EvidenceModule {}
