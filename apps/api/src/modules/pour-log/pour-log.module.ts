import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoadsModule } from '../loads/loads.module';
import { PoursModule } from '../pours/pours.module';
import { PourLogController } from './pour-log.controller';
import { PourLogRepository } from './pour-log.repository';
import { PourLogService } from './pour-log.service';
import { PourMessageEntity } from './pour-message.entity';
import { PourMessagesService } from './pour-messages.service';

/** One conversation per pour: messages, and the pour's system events beside them. */
@Module({
  imports: [TypeOrmModule.forFeature([PourMessageEntity]), PoursModule, LoadsModule],
  controllers: [PourLogController],
  providers: [PourLogRepository, PourLogService, PourMessagesService],
})
export class PourLogModule {}
