import { Module } from '@nestjs/common';
import { ComplaintPhotos } from './complaint-photos.service';
import { ComplaintTimers } from './complaint-timers.service';
import { ComplaintWorkflow } from './complaint-workflow.service';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

/** Complaints and suggestions, from receipt to the follow-up visit, with their service promises. */
@Module({
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService, ComplaintWorkflow, ComplaintPhotos, ComplaintTimers],
  exports: [ComplaintsService, ComplaintTimers],
})
export class ComplaintsModule {}
