import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  type CurrentUser,
  DeliverDocumentRequest,
  IdParam,
  MAX_DOCUMENT_BYTES,
  UploadDocumentFields,
} from '@pourline/contracts';
import { z } from 'zod';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { DocumentsService, type UploadedFile as StoredFile } from './documents.service';

const PourIdParam = z.strictObject({ pourId: z.uuid() });
type PourIdParam = z.infer<typeof PourIdParam>;

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('pours/:pourId/documents')
  @Can('documents.read')
  list(@Param({ schema: PourIdParam }) { pourId }: PourIdParam, @Actor() actor: CurrentUser) {
    return this.documents.list(pourId, actor);
  }

  @Post('pours/:pourId/documents')
  @Can('documents.manage')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'type', 'title'],
      properties: {
        file: { type: 'string', format: 'binary' },
        type: { type: 'string' },
        title: { type: 'string' },
        confirmDuplicate: { type: 'string', enum: ['true'] },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  upload(
    @Param({ schema: PourIdParam }) { pourId }: PourIdParam,
    @Body({ schema: UploadDocumentFields }) fields: UploadDocumentFields,
    @UploadedFile() file: StoredFile | undefined,
    @Actor() actor: CurrentUser,
  ) {
    return this.documents.upload(pourId, fields, file, actor);
  }

  @Post('documents/:id/delivery')
  @Can('documents.manage')
  @HttpCode(200)
  deliver(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: DeliverDocumentRequest }) body: DeliverDocumentRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.documents.markDelivered(id, body, actor);
  }

  @Post('documents/:id/acknowledgement')
  @Can('documents.acknowledge')
  @HttpCode(200)
  acknowledge(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.documents.acknowledge(id, actor);
  }

  @Get('documents/:id/file')
  @Can('documents.read')
  async download(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    const { document, content } = await this.documents.file(id, actor);
    return new StreamableFile(content, {
      type: document.mimeType,
      disposition: `attachment; filename="${encodeURIComponent(document.fileName)}"`,
      length: content.length,
    });
  }

  @Delete('documents/:id')
  @Can('documents.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.documents.remove(id, actor);
  }
}
