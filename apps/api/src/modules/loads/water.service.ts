import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AddWaterRequest, CurrentUser, WaterAdditionDto } from '@pourline/contracts';
import { checkWaterAddition } from '@pourline/domain';
import { LoadCycle } from './load-cycle.service';
import { LoadViews } from './load-views.service';
import { toWaterDto } from './load.mapper';
import { LoadStateError, WaterLimitExceededError } from './loads.exceptions';
import { LoadsRepository } from './loads.repository';

/** Water added at the site, held to what the mix's water/cement ratio allows. */
@Injectable()
export class WaterService {
  constructor(
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
    private readonly dataSource: DataSource,
  ) {}

  async add(loadId: string, request: AddWaterRequest, actor: CurrentUser): Promise<WaterAdditionDto> {
    const added = await this.dataSource.transaction(async (manager) => {
      const load = await this.cycle.lockVisible(manager, loadId, actor);
      if (load.status !== 'on_site' && load.status !== 'discharging') {
        throw new LoadStateError(load.status, 'water can only be added on site, before or during discharge');
      }
      const mix = load.mix!;
      const { allowed, allowanceLitres } = checkWaterAddition(
        {
          cementKgPerM3: mix.cementKgPerM3,
          waterKgPerM3: mix.waterKgPerM3,
          maxWaterCementRatio: mix.maxWaterCementRatio,
          volumeM3: load.volumeM3,
          alreadyAddedLitres: load.waterAddedLitres,
          heldBackLitres: load.batchRecord?.waterHeldBackLitres ?? 0,
        },
        request.litres,
      );
      if (!allowed) throw new WaterLimitExceededError(request.litres, allowanceLitres);
      const water = await this.loads.insertWater(manager, {
        loadId,
        litres: request.litres,
        addedBy: request.addedBy,
        requestedBy: request.requestedBy,
        recordedById: actor.id,
        recordedByName: actor.displayName,
      });
      load.waterAddedLitres += request.litres;
      await this.loads.update(manager, load);
      await this.views.publishChanged(manager, loadId);
      return toWaterDto(water);
    });
    return added;
  }

  async list(loadId: string, actor: CurrentUser): Promise<WaterAdditionDto[]> {
    await this.dataSource.transaction((manager) => this.cycle.lockVisible(manager, loadId, actor));
    return (await this.loads.waterAdditions(loadId)).map(toWaterDto);
  }
}
