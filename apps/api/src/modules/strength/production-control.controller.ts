import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PlantQuery, ProductionControlQuery } from '@pourline/contracts';
import { Can } from '../../platform/auth/auth.decorators';
import { MixTrends } from './mix-trends.service';
import { ProductionControl } from './production-control.service';

@ApiTags('strength')
@Controller('strength')
export class ProductionControlController {
  constructor(
    private readonly control: ProductionControl,
    private readonly trends: MixTrends,
  ) {}

  @Get('production-control')
  @Can('strength.read')
  figures(@Query({ schema: ProductionControlQuery }) query: ProductionControlQuery) {
    return this.control.figures(query);
  }

  @Get('production-control.csv')
  @Can('strength.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@Query({ schema: ProductionControlQuery }) query: ProductionControlQuery) {
    return this.control.csv(await this.control.figures(query));
  }

  @Get('trends')
  @Can('strength.read')
  trendsOfPlant(@Query({ schema: PlantQuery }) { plantId }: PlantQuery) {
    return this.trends.ofPlant(plantId);
  }
}
