import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangePumpStatusRequest, type CurrentUser, IdParam, type UnknownDeviceDto } from '@pourline/contracts';
import { Actor, Can } from '../../platform/auth/auth.decorators';
import { visibleProjectIds } from '../../platform/auth/project-scope';
import { PositionFanout } from './position-fanout.service';
import { PumpStatusService } from './pump-status.service';
import { DeviceRegistry } from './device-registry.service';
import { UnknownDevices } from './unknown-devices';

@ApiTags('tracking')
@Controller()
export class TrackingController {
  constructor(
    private readonly positions: PositionFanout,
    private readonly pumps: PumpStatusService,
    private readonly devices: DeviceRegistry,
    private readonly unknown: UnknownDevices,
  ) {}

  @Get('tracking/positions')
  @Can('tracking.read')
  latest(@Actor() actor: CurrentUser) {
    return this.positions.latest(visibleProjectIds(actor));
  }

  @Get('tracking/unknown-devices')
  @Can('tracking.devices')
  async unknownDevices(): Promise<UnknownDeviceDto[]> {
    await this.devices.refresh();
    return this.unknown.list((deviceId) => this.devices.isKnown(deviceId));
  }

  @Get('pumps-status')
  @Can('tracking.read')
  pumpStatuses(@Actor() actor: CurrentUser) {
    return this.pumps.current(actor);
  }

  @Post('pumps/:id/status')
  @Can('pumps.status')
  changePumpStatus(
    @Param({ schema: IdParam }) { id }: IdParam,
    @Body({ schema: ChangePumpStatusRequest }) body: ChangePumpStatusRequest,
    @Actor() actor: CurrentUser,
  ) {
    return this.pumps.change(id, body, actor);
  }

  @Get('pumps/:id/status-history')
  @Can('tracking.read')
  pumpStatusHistory(@Param({ schema: IdParam }) { id }: IdParam, @Actor() actor: CurrentUser) {
    return this.pumps.history(id, actor);
  }
}
