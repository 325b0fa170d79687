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

  /** The pour's earliest report of this type holding exactly this file, if any. */
  findSameFile(pourId: string, type: PourDocumentEntity['type'], sha256: string): Promise<PourDocumentEntity | null> {
    return this.repository.findOne({ where: { pourId, type, sha256 }, order: { uploadedAt: 'ASC' } });
  }

  async findContent(id: string): Promise<Buffer | null> {
    const row = await this.repository.findOne({ where: { id }, select: { id: true, content: true } });
    return row?.content ?? null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(PourDocumentEntity, { id });
  }

  /** The pour's customer when one of its people has an active account, else null. */
  async customerWithAccess(pourId: string): Promise<{ name: string } | null> {
    const rows: { name: string }[] = await this.repository.manager.query(
      `SELECT customer.name FROM pours pour
         JOIN projects project ON project.id = pour.project_id
         JOIN customers customer ON customer.id = project.customer_id
        WHERE pour.id = $1
          AND EXISTS (SELECT 1 FROM users account WHERE account.customer_id = customer.id AND account.active)`,
      [pourId],
    );
    return rows[0] ?? null;
  }
}
