import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateTruckRequest, IdParam, UpdateTruckRequest } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { TrucksService } from './trucks.service';

@ApiTags('fleet')
@Controller('trucks')
export class TrucksController {
  constructor(private readonly trucks: TrucksService) {}

  @Get()
  @Can('master-data.read')
  list() {
    return this.trucks.list();
  }

  @Get(':id')
  @Can('master-data.read')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.trucks.get(id);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreateTruckRequest }) body: CreateTruckRequest) {
    return this.trucks.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(@Param({ schema: IdParam }) { id }: IdParam, @Body({ schema: UpdateTruckRequest }) body: UpdateTruckRequest) {
    return this.trucks.update(id, body);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.trucks.remove(id);
  }
}
