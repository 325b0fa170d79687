import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcknowledgeAlertRequest, type CurrentUser } from '@pourline/contracts';
import { z } from 'zod';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { AlertsService } from './alerts.service';

const SeqParam = z.strictObject({ seq: z.string().regex(/^[1-9][0-9]{0,17}$/, 'an alert number') });
type SeqParam = z.infer<typeof SeqParam>;
const AlertsQuery = z.strictObject({ open: z.enum(['true', 'false']).default('false') });
type AlertsQuery = z.infer<typeof AlertsQuery>;

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Can('alerts.read')
  list(@Query({ schema: AlertsQuery }) query: AlertsQuery, @Actor() actor: CurrentUser) {
    return this.alerts.list(actor, query.open === 'true');
  }

  @Post(':seq/acknowledge')
  @Can('alerts.acknowledge')
  @HttpCode(200)
  acknowledge(
    @Param({ schema: SeqParam }) { seq }: SeqParam,
    @Body({ schema: AcknowledgeAlertRequest }) body: AcknowledgeAlertRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.alerts.acknowledge(seq, body, actor);
  }
}
