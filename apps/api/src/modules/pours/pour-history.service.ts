import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, CurrentUser, Page, PageQuery } from '@pourline/contracts';
import { AuditService } from '../../platform/audit/audit.service';
import { PoursService } from './pours.service';

/** Who changed a pour and when, for anyone who may see the pour. */
@Injectable()
export class PourHistoryService {
  constructor(
    private readonly pours: PoursService,
    private readonly audit: AuditService,
  ) {}

  async list(pourId: string, query: PageQuery, actor: CurrentUser): Promise<Page<AuditEntryDto>> {
    await this.pours.requireVisible(pourId, actor);
    return this.audit.list({ ...query, entityType: 'pour', entityId: pourId });
  }
}
