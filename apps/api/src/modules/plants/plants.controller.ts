import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreatePlantRequest, IdParam, UpdatePlantRequest } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { PlantsService } from './plants.service';

@ApiTags('plants')
@Controller('plants')
export class PlantsController {
  constructor(private readonly plants: PlantsService) {}

  @Get()
  @Can('master-data.read')
  list() {
    return this.plants.list();
  }

  @Get(':id')
  @Can('master-data.read')
  get(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.plants.get(id);
  }

  @Post()
  @Can('master-data.manage')
  create(@Body({ schema: CreatePlantRequest }) body: CreatePlantRequest) {
    return this.plants.create(body);
  }

  @Patch(':id')
  @Can('master-data.manage')
  update(@Param({ schema: IdParam }) { id }: IdParam, @Body({ schema: UpdatePlantRequest }) body: UpdatePlantRequest) {
    return this.plants.update(id, body);
  }

  @Delete(':id')
  @Can('master-data.manage')
  @HttpCode(204)
  remove(@Param({ schema: IdParam }) { id }: IdParam) {
    return this.plants.remove(id);
  }
}
