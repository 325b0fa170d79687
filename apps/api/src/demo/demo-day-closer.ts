import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '@pourline/contracts';
import { canTransitionPour, isPourTerminal, type PourStatus } from '@pourline/domain';
import { AuditService } from '../platform/audit/audit.service';
import { LivePublisher } from '../platform/live/live-publisher.service';
import { LoadCycle } from '../modules/loads/load-cycle.service';
import { LoadViews } from '../modules/loads/load-views.service';
import { volumesOf } from '../modules/loads/load.mapper';
import { LoadsRepository } from '../modules/loads/loads.repository';
import { PoursRepository } from '../modules/pours/pours.repository';
import { closingStatus, settlementSteps } from './demo-day';

export interface ClosedPour {
  id: string;
  from: PourStatus;
  to: PourStatus;
  loadsSettled: number;
  deliveredM3: number;
}

const NOTE = 'demo day over';

/**
 * Closes one pour a past demo day left open, in one transaction under the
 * pour's lock (so no load can be added meanwhile): every open load is brought
 * to rest by allowed steps, recorded under the demo fleet's name, then an open
 * pour is completed or cancelled and the change audited (a finished one keeps
 * its status). Consoles hear of it once it commits. Returns null when there
 * was nothing left to close.
 */
export async function closeDemoPour(
  app: INestApplication,
  pourId: string,
  fleet: CurrentUser,
): Promise<ClosedPour | null> {
  const pours = app.get(PoursRepository);
  const loads = app.get(LoadsRepository);
  const cycle = app.get(LoadCycle);
  const audit = app.get(AuditService);
  const settled: string[] = [];
  const closed = await app.get(DataSource).transaction(async (manager) => {
    const pour = await pours.lockForUpdate(manager, pourId);
    if (!pour) return null;
    for (const { id } of await loads.listForPour(pourId, manager)) {
      const load = await loads.lockDetailed(manager, id);
      if (!load) continue;
      const steps = settlementSteps(load.status);
      for (const to of steps) await cycle.move(manager, load, to, { actor: fleet, note: NOTE });
      if (steps.length > 0) settled.push(id);
    }
    const { deliveredM3 } = volumesOf(await loads.listForPour(pourId, manager), pour.volumeM3);
    const from = pour.status;
    if (isPourTerminal(from)) {
      if (settled.length === 0) return null;
      await app.get(LoadViews).publishChanged(manager, ...settled);
      return { id: pourId, from, to: from, loadsSettled: settled.length, deliveredM3 };
    }
    const to = closingStatus(from, deliveredM3);
    if (!canTransitionPour(from, to)) throw new Error(`cannot close a ${from} pour as ${to}`);
    pour.status = to;
    await pours.save(pour, manager);
    await audit.record(manager, fleet, 'pour', pour.id, 'status_changed', { from, to, cause: NOTE });
    // Announced in the same transaction: consoles hear of it once it has committed.
    await app.get(LoadViews).publishChanged(manager, ...settled);
    await app.get(LivePublisher).publish(manager, 'pour.status.v1', pour.projectId, {
      pourId: pour.id,
      projectId: pour.projectId,
      status: pour.status,
      structuralElement: pour.structuralElement,
    });
    return { id: pourId, from, to, loadsSettled: settled.length, deliveredM3 };
  });
  return closed;
}
