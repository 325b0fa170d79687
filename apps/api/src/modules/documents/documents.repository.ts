import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { PourDocumentEntity } from './pour-document.entity';

@Injectable()
export class DocumentsRepository extends EntityStore<PourDocumentEntity> {
  constructor(@InjectRepository(PourDocumentEntity) documents: Repository<PourDocumentEntity>) {
    super(documents);
  }

  listForPour(pourId: string): Promise<PourDocumentEntity[]> {
    return this.repository.find({ where: { pourId }, order: { uploadedAt: 'ASC' } });
  }

  async findContent(id: string): Promise<Buffer | null> {
    const row = await this.repository.findOne({ where: { id }, select: { id: true, content: true } });
    return row?.content ?? null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(PourDocumentEntity, { id });
  }
}
