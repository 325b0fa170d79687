import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddLotPoursRequest,
  CreateInspectionLotRequest,
  type CurrentUser,
  IdParam,
  InspectionLotQuery,
} from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { InspectionLots } from './inspection-lots.service';

@ApiTags('strength')
@Controller('strength/lots')
export class InspectionLotsController {
  constructor(private readonly lots: InspectionLots) {}

  @Get()
  @Can('strength.lots.read')
  list(@Query({ schema: InspectionLotQuery }) query: InspectionLotQuery, @Actor() actor: CurrentUser) {
    return this.lots.list(query, actor);
  }

  @Post()
  @Can('strength.lots.manage')
  create(@Body({ schema: CreateInspectionLotRequest }) body: CreateInspectionLotRequest, @Actor() actor: CurrentUser) {
    return this.lots.create(body, actor);
  }

  @Get(':id')
  @Can('strength.lots.read')
  get(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.lots.get(id, actor);
  }

  @Post(':id/pours')
  @Can('strength.lots.manage')
  addPours(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: AddLotPoursRequest }) body: AddLotPoursRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.lots.addPours(id, body, actor);
  }
}
