import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateMixRequest, IdParam, UpdateMixRequest } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { MixesService } from './mixes.service';

@ApiTags('mixes')
@Controller('mixes')
export class MixesController {
  constructor(private readonly mixes: MixesService) {}

  @Get()
  @Can('master-data.read')
  list() {
    return this.mixes.list();
  }

  @Get(':id')
  @Can('master-data.read')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.mixes.get(id);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreateMixRequest }) body: CreateMixRequest) {
    return this.mixes.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(@Param({ schema: IdParam }) { id }: IdParam, @Body({ schema: UpdateMixRequest }) body: UpdateMixRequest) {
    return this.mixes.update(id, body);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.mixes.remove(id);
  }
}
