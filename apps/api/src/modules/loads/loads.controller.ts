import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AddWaterRequest, AssignTruckRequest, CreateLoadRequest, type CurrentUser, IdParam } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { LoadsService } from './loads.service';
import { WaterService } from './water.service';

@ApiTags('loads')
@Controller()
export class LoadsController {
  constructor(
    private readonly loads: LoadsService,
    private readonly water: WaterService,
  ) {}

  @Get('pours/:id/loads')
  @Can('loads.read')
  listForPour(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.loads.listForPour(id, actor);
  }

  @Post('pours/:id/loads')
  @Can('loads.dispatch')
  create(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: CreateLoadRequest }) body: CreateLoadRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.loads.create(id, body, actor);
  }

  @Get('loads/:id')
  @Can('loads.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.loads.get(id, actor);
  }

  @Get('loads/:id/events')
  @Can('loads.read')
  events(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.loads.events(id, actor);
  }

  @Patch('loads/:id/truck')
  @Can('loads.dispatch')
  assignTruck(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AssignTruckRequest }) body: AssignTruckRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.loads.assignTruck(id, body, actor);
  }

  @Get('loads/:id/water')
  @Can('loads.read')
  listWater(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.water.list(id, actor);
  }

  @Post('loads/:id/water')
  @Can('loads.add-water')
  addWater(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AddWaterRequest }) body: AddWaterRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.water.add(id, body, actor);
  }
}
