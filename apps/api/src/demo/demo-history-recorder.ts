import type { INestApplication } from '@nestjs/common';
import {
  CreateLoadRequest,
  CreateSpecimenSetRequest,
  type CurrentUser,
  type MixDto,
  type PourDto,
  RecordQcTestRequest,
} from '@pourline/contracts';
import { LoadStepsService } from '../modules/loads/load-steps.service';
import { LoadsService } from '../modules/loads/loads.service';
import { QcTestsService } from '../modules/quality/qc-tests.service';
import { SpecimensService } from '../modules/quality/specimens.service';
import type { PlannedLoad } from './demo-history-plan';

/** Specimens are made on site once the slump test has passed, with the supervisor watching. */
const SPECIMENS_AFTER_SITE_TEST_MS = 12 * 60_000;

/**
 * Records truck cycles that already happened through the same services as live
 * ones, each step at its planned time and under the demo fleet's own name: the
 * ticket, batching, the plant test (with its hold and re-test), the road, the
 * site test, the discharge and the return; then the specimen sets the sampling
 * rule asks for. The first load batched starts a ready pour, as it does live.
 */
export async function recordHistory(
  app: INestApplication,
  fleet: CurrentUser,
  pour: PourDto,
  mix: MixDto | undefined,
  planned: readonly PlannedLoad[],
): Promise<void> {
  const loads = app.get(LoadsService);
  const steps = app.get(LoadStepsService);
  const qc = app.get(QcTestsService);
  const siteTests = new Map<string, Date>();
  for (const [index, plan] of planned.entries()) {
    const request = CreateLoadRequest.parse({ truckId: plan.truckId, volumeM3: plan.volumeM3 });
    const { id } = await loads.create(pour.id, request, fleet, { at: plan.ticketedAt });
    await steps.startLoading(id, {}, fleet, { at: plan.batchedAt });
    await steps.sendToQc(id, { materials: [] }, fleet, { at: plan.sentToQcAt });
    if (plan.failedPlantTestAt) {
      await qc.record(id, reading(pour, mix, 'plant', index, 'fail'), fleet, { at: plan.failedPlantTestAt });
    }
    await qc.record(id, reading(pour, mix, 'plant', index, 'pass'), fleet, { at: plan.plantTestAt });
    await steps.depart(id, at(plan.departedAt), fleet);
    await steps.arrive(id, at(plan.arrivedAt), fleet);
    await qc.record(id, reading(pour, mix, 'site', index, 'pass'), fleet, { at: plan.siteTestAt });
    siteTests.set(id, plan.siteTestAt);
    await steps.startDischarge(id, at(plan.dischargeStartAt), fleet);
    await steps.endDischarge(id, at(plan.dischargeEndAt), fleet);
    await steps.leaveSite(id, at(plan.leftSiteAt), fleet);
    await steps.backAtPlant(id, at(plan.backAtPlantAt), fleet);
  }
  const specimens = app.get(SpecimensService);
  const { loadsDue } = await specimens.samplingPlan(pour.id, fleet);
  for (const loadId of loadsDue) {
    const testedAt = siteTests.get(loadId);
    if (!testedAt) continue;
    const madeAt = new Date(testedAt.getTime() + SPECIMENS_AFTER_SITE_TEST_MS).toISOString();
    await specimens.create(pour.id, CreateSpecimenSetRequest.parse({ loadId, madeAt }), fleet);
  }
}

function at(time: Date) {
  return { at: time.toISOString() };
}

/** Slump readings a little either side of the target, the same every demo day; a fail is well outside. */
const SLUMP_OFFSETS_MM = [0, 5, -5, 10, 0, -10, 5, -5];

function reading(
  pour: PourDto,
  mix: MixDto | undefined,
  stage: 'plant' | 'site',
  index: number,
  result: 'pass' | 'fail',
): RecordQcTestRequest {
  const offset = SLUMP_OFFSETS_MM[(index * 3 + (stage === 'site' ? 1 : 0)) % SLUMP_OFFSETS_MM.length];
  const slumpMm = result === 'pass' ? pour.slumpTargetMm + offset : pour.slumpTargetMm + pour.slumpToleranceMm + 30;
  const airPercent =
    mix?.airEntrained && mix.targetAirPercent !== null ? mix.targetAirPercent + (index % 2 === 0 ? 0.3 : -0.2) : null;
  return RecordQcTestRequest.parse({
    stage,
    slumpMm,
    temperatureC: 18 + ((index * 7) % 50) / 10 + (stage === 'site' ? 0.8 : 0),
    airPercent,
    remarks: result === 'fail' ? 'too wet; adjusted with the plant operator before a re-test' : '',
  });
}
