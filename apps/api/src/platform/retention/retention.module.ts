import { Module } from '@nestjs/common';
import { PartitionsRepository } from './partitions.repository';
import { RetentionService } from './retention.service';

@Module({
  providers: [PartitionsRepository, RetentionService],
})
export class RetentionModule {}
