import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreatePumpRequest, IdParam, UpdatePumpRequest } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { PumpsService } from './pumps.service';

@ApiTags('fleet')
@Controller('pumps')
export class PumpsController {
  constructor(private readonly pumps: PumpsService) {}

  @Get()
  @Can('master-data.read')
  list() {
    return this.pumps.list();
  }

  @Get(':id')
  @Can('master-data.read')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.pumps.get(id);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreatePumpRequest }) body: CreatePumpRequest) {
    return this.pumps.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(@Param({ schema: IdParam }) { id }: IdParam, @Body({ schema: UpdatePumpRequest }) body: UpdatePumpRequest) {
    return this.pumps.update(id, body);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.pumps.remove(id);
  }
}
