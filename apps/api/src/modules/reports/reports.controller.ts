import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, IdParam, QcPassRateQuery, ReportRangeQuery } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { ReportsService } from './reports.service';

const CSV = 'text/csv; charset=utf-8';

/** Every table has its CSV twin at the same path with .csv: the same figures, for a spreadsheet. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('pours/:id')
  @Can('reports.read')
  pour(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.reports.pour(id, actor);
  }

  @Get('pours/:id/loads.csv')
  @Can('reports.read')
  @Header('Content-Type', CSV)
  async pourCsv(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.reports.pourCsv(await this.reports.pour(id, actor));
  }

  @Get('production')
  @Can('reports.read')
  production(@Query({ schema: ReportRangeQuery }) range: ReportRangeQuery) {
    return this.reports.production(range);
  }

  @Get('production.csv')
  @Can('reports.read')
  @Header('Content-Type', CSV)
  async productionCsv(@Query({ schema: ReportRangeQuery }) range: ReportRangeQuery) {
    return this.reports.productionCsv(await this.reports.production(range));
  }

  @Get('qc-pass-rates')
  @Can('reports.read')
  qcPassRates(@Query({ schema: QcPassRateQuery }) query: QcPassRateQuery) {
    return this.reports.qcPassRates(query);
  }

  @Get('qc-pass-rates.csv')
  @Can('reports.read')
  @Header('Content-Type', CSV)
  async qcPassRatesCsv(@Query({ schema: QcPassRateQuery }) query: QcPassRateQuery) {
    return this.reports.qcPassRatesCsv(query, await this.reports.qcPassRates(query));
  }

  @Get('complaints')
  @Can('reports.read')
  complaints(@Query({ schema: ReportRangeQuery }) range: ReportRangeQuery) {
    return this.reports.complaints(range);
  }

  @Get('complaints.csv')
  @Can('reports.read')
  @Header('Content-Type', CSV)
  async complaintsCsv(@Query({ schema: ReportRangeQuery }) range: ReportRangeQuery) {
    return this.reports.complaintsCsv(await this.reports.complaints(range));
  }
}
