import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PoursModule } from '../pours/pours.module';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { PourDocumentEntity } from './pour-document.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PourDocumentEntity]), PoursModule],
  controllers: [DocumentsController],
  providers: [DocumentsRepository, DocumentsService],
})
export class DocumentsModule {}
