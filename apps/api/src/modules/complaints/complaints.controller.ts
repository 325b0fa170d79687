import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AddCorrectiveActionRequest,
  CompleteCorrectiveActionRequest,
  ComplaintCategoryParam,
  ComplaintListQuery,
  ComplaintStepRequest,
  ComplaintTimerSettingRequest,
  type CurrentUser,
  FollowUpRequest,
  IdParam,
  MAX_COMPLAINT_PHOTO_BYTES,
  RaiseComplaintRequest,
} from '@pourline/contracts';
import { z } from 'zod';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { ComplaintPhotos, type UploadedPhoto } from './complaint-photos.service';
import { ComplaintTimers } from './complaint-timers.service';
import { ComplaintWorkflow } from './complaint-workflow.service';
import { ComplaintsService } from './complaints.service';

const ActionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
type ActionParams = z.infer<typeof ActionParams>;
const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
type PhotoParams = z.infer<typeof PhotoParams>;

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly workflow: ComplaintWorkflow,
    private readonly photos: ComplaintPhotos,
    private readonly timers: ComplaintTimers,
  ) {}

  @Get()
  @Can('complaints.read')
  list(@Query({ schema: ComplaintListQuery }) query: ComplaintListQuery, @Actor() actor: CurrentUser) {
    return this.complaints.list(actor, query);
  }

  @Post()
  @Can('complaints.raise')
  raise(@Body({ schema: RaiseComplaintRequest }) body: RaiseComplaintRequest, @Actor() actor: CurrentUser) {
    return this.complaints.raise(body, actor);
  }

  @Get('timers')
  @Can('complaints.read')
  timerSettings() {
    return this.timers.settings();
  }

  @Put('timers/:category')
  @Can('complaints.settings')
  setTimers(
    @Param({ schema: ComplaintCategoryParam }) { category }: ComplaintCategoryParam,
    @Body({ schema: ComplaintTimerSettingRequest }) body: ComplaintTimerSettingRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.timers.setMinutes(category, body, actor);
  }

  @Get(':id')
  @Can('complaints.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.complaints.get(id, actor);
  }

  @Post(':id/steps')
  @Can('complaints.work')
  @HttpCode(200)
  step(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: ComplaintStepRequest }) body: ComplaintStepRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.workflow.step(id, body, actor);
  }

  @Post(':id/actions')
  @Can('complaints.work')
  addAction(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AddCorrectiveActionRequest }) body: AddCorrectiveActionRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.workflow.addAction(id, body, actor);
  }

  @Post(':id/actions/:actionId/done')
  @Can('complaints.work')
  @HttpCode(200)
  completeAction(
    @Param({ schema: ActionParams }) { id, actionId }: ActionParams,
    @Body({ schema: CompleteCorrectiveActionRequest }) body: CompleteCorrectiveActionRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.workflow.completeAction(id, actionId, body, actor);
  }

  @Post(':id/follow-up')
  @Can('complaints.work')
  @HttpCode(200)
  followUp(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: FollowUpRequest }) body: FollowUpRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.workflow.followUp(id, body, actor);
  }

  @Post(':id/photos')
  @Can('complaints.raise')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_COMPLAINT_PHOTO_BYTES, files: 1 } }))
  addPhoto(
    @Param({ schema: IdParam }) { id }: IdParam,
    @UploadedFile() file: UploadedPhoto | undefined,
    @Actor() actor: CurrentUser,
  ) {
    return this.photos.add(id, file, actor);
  }

  @Get(':id/photos/:photoId')
  @Can('complaints.read')
  async photo(@Param({ schema: PhotoParams }) { id, photoId }: PhotoParams, @Actor() actor: CurrentUser) {
    const photo = await this.photos.file(id, photoId, actor);
    return new StreamableFile(photo.content, {
      type: photo.mimeType,
      disposition: `inline; filename="${encodeURIComponent(photo.fileName)}"`,
      length: photo.content.length,
    });
  }
}
