import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser, DeliverDocumentRequest, PourDocumentDto, UploadDocumentFields } from '@pourline/contracts';
import { AuditService } from '../../platform/audit/audit.service';
import { NotFoundError } from '../../platform/errors/domain-error';
import { PoursService } from '../pours/pours.service';
import { detectDocumentMimeType } from './document-file-type';
import {
  AlreadyDeliveredError,
  CustomerAcknowledgesError,
  DeliveredDocumentLockedError,
  DuplicateDocumentError,
  MissingFileError,
  UnsupportedDocumentError,
} from './documents.exceptions';
import { DocumentsRepository } from './documents.repository';
import type { PourDocumentEntity } from './pour-document.entity';
import { Clock } from '../../platform/clock/clock';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

function toDto(document: PourDocumentEntity): PourDocumentDto {
  return {
    id: document.id,
    pourId: document.pourId,
    type: document.type,
    title: document.title,
    fileName: document.fileName,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    uploadedBy: document.uploadedByName,
    uploadedAt: document.uploadedAt.toISOString(),
    deliveredAt: document.deliveredAt?.toISOString() ?? null,
    deliveredBy: document.deliveredByName,
    deliveredTo: document.deliveredTo,
    acknowledgedByCustomer: document.acknowledgedByCustomer,
  };
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly pours: PoursService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(pourId: string, actor: CurrentUser): Promise<PourDocumentDto[]> {
    await this.pours.requireVisible(pourId, actor);
    return (await this.documents.listForPour(pourId)).map(toDto);
  }

  async upload(
    pourId: string,
    fields: UploadDocumentFields,
    file: UploadedFile | undefined,
    actor: CurrentUser,
  ): Promise<PourDocumentDto> {
    await this.pours.requireVisible(pourId, actor);
    if (!file || file.size === 0) throw new MissingFileError();
    const mimeType = detectDocumentMimeType(file.buffer);
    if (!mimeType) throw new UnsupportedDocumentError();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const same = fields.confirmDuplicate ? null : await this.documents.findSameFile(pourId, fields.type, sha256);
    if (same) {
      throw new DuplicateDocumentError({
        documentId: same.id,
        type: same.type,
        title: same.title,
        fileName: same.fileName,
        uploadedBy: same.uploadedByName,
        uploadedAt: same.uploadedAt.toISOString(),
      });
    }
    const document = this.documents.create({
      pourId,
      type: fields.type,
      title: fields.title,
      fileName: file.originalname.slice(0, 255),
      mimeType,
      sizeBytes: file.size,
      content: file.buffer,
      sha256,
      uploadedById: actor.id,
      uploadedByName: actor.displayName,
      deliveredAt: null,
      deliveredById: null,
      deliveredByName: null,
      deliveredTo: null,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.documents.save(document, manager);
      await this.audit.record(manager, actor, 'pour_document', saved.id, 'uploaded', {
        pourId,
        type: saved.type,
        title: saved.title,
        fileName: saved.fileName,
        sha256: saved.sha256,
      });
      return toDto(saved);
    });
  }

  /** The producer's mark that a report reached the construction party: for customers without an account. */
  async markDelivered(id: string, request: DeliverDocumentRequest, actor: CurrentUser): Promise<PourDocumentDto> {
    const document = await this.requireVisible(id, actor);
    if (document.deliveredAt) throw new AlreadyDeliveredError(document.deliveredAt);
    const customer = await this.documents.customerWithAccess(document.pourId);
    if (customer) throw new CustomerAcknowledgesError(customer.name);
    return this.recordDelivery(document, actor, request.deliveredTo, false);
  }

  /** A person of the construction party acknowledges receipt of the report: the delivery, in their name. */
  async acknowledge(id: string, actor: CurrentUser): Promise<PourDocumentDto> {
    const document = await this.requireVisible(id, actor);
    if (document.deliveredAt) throw new AlreadyDeliveredError(document.deliveredAt);
    return this.recordDelivery(document, actor, actor.displayName, true);
  }

  private recordDelivery(
    document: PourDocumentEntity,
    actor: CurrentUser,
    deliveredTo: string,
    acknowledgedByCustomer: boolean,
  ): Promise<PourDocumentDto> {
    Object.assign(document, {
      deliveredAt: this.clock.now(),
      deliveredById: actor.id,
      deliveredByName: actor.displayName,
      deliveredTo,
      acknowledgedByCustomer,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.documents.save(document, manager);
      await this.audit.record(
        manager,
        actor,
        'pour_document',
        document.id,
        acknowledgedByCustomer ? 'acknowledged' : 'delivered',
        {
          pourId: document.pourId,
          deliveredTo,
        },
      );
      return toDto(saved);
    });
  }

  async file(id: string, actor: CurrentUser): Promise<{ document: PourDocumentDto; content: Buffer }> {
    const document = await this.requireVisible(id, actor);
    const content = await this.documents.findContent(id);
    if (!content) throw new NotFoundError('Document', id);
    return { document: toDto(document), content };
  }

  async remove(id: string, actor: CurrentUser): Promise<void> {
    const document = await this.requireVisible(id, actor);
    if (document.deliveredAt) throw new DeliveredDocumentLockedError();
    await this.dataSource.transaction(async (manager) => {
      await this.documents.delete(manager, id);
      await this.audit.record(manager, actor, 'pour_document', id, 'deleted', {
        pourId: document.pourId,
        title: document.title,
      });
    });
  }

  private async requireVisible(id: string, actor: CurrentUser): Promise<PourDocumentEntity> {
    const document = await this.documents.findById(id);
    if (!document) throw new NotFoundError('Document', id);
    await this.pours.requireVisible(document.pourId, actor).catch(() => {
      throw new NotFoundError('Document', id);
    });
    return document;
  }
}
