import { Injectable } from '@nestjs/common';
import { type ComplaintDto, type CurrentUser, MAX_COMPLAINT_PHOTOS } from '@pourline/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { NotFoundError } from '../../platform/errors/domain-error';
import { detectDocumentMimeType } from '../documents/document-file-type';
import { PhotoRefusedError } from './complaints.exceptions';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

export interface UploadedPhoto {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** Photos of what the customer saw; a photo is what its bytes say, whatever its name or header claims. */
@Injectable()
export class ComplaintPhotos {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly records: ComplaintsService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async add(id: string, file: UploadedPhoto | undefined, actor: CurrentUser): Promise<ComplaintDto> {
    await this.records.visible(id, actor);
    if (!file || file.size === 0) throw PhotoRefusedError.missing();
    const mimeType = detectDocumentMimeType(file.buffer);
    if (!mimeType || !IMAGE_TYPES.has(mimeType)) throw PhotoRefusedError.notAnImage();
    await this.dataSource.transaction(async (manager) => {
      await this.complaints.lock(manager, id);
      if ((await this.complaints.photosOf(id, manager)).length >= MAX_COMPLAINT_PHOTOS) {
        throw PhotoRefusedError.tooMany(MAX_COMPLAINT_PHOTOS);
      }
      await this.complaints.insertPhoto(manager, {
        complaintId: id,
        fileName: [...file.originalname].slice(0, 200).join('') || 'photo',
        mimeType,
        sizeBytes: file.size,
        content: file.buffer,
        uploadedByName: actor.displayName,
        uploadedAt: this.clock.now(),
      });
      await this.records.announce(manager, id);
    });
    return this.records.get(id, actor);
  }

  async file(id: string, photoId: string, actor: CurrentUser) {
    await this.records.visible(id, actor);
    const photo = await this.complaints.photoWithContent(photoId);
    if (!photo || photo.complaintId !== id) throw new NotFoundError('Photo', photoId);
    return photo;
  }
}
