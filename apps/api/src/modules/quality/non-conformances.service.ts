import { Injectable } from '@nestjs/common';
import type { CurrentUser, NonConformanceDto } from '@pourline/contracts';
import { LoadsRepository } from '../loads/loads.repository';
import { PoursService } from '../pours/pours.service';
import { toNonConformanceDto } from './quality.mapper';
import { QualityRepository } from './quality.repository';

@Injectable()
export class NonConformancesService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly loads: LoadsRepository,
    private readonly pours: PoursService,
  ) {}

  async listForPour(pourId: string, actor: CurrentUser): Promise<NonConformanceDto[]> {
    await this.pours.requireVisible(pourId, actor);
    const records = await this.quality.nonConformancesOfPour(pourId);
    const loads = new Map((await this.loads.findByIds(records.map((record) => record.loadId))).map((l) => [l.id, l]));
    return records.map((record) => toNonConformanceDto(record, loads.get(record.loadId)?.ticketNumber ?? ''));
  }
}
