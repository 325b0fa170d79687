import { seededRandom } from './rng';
import { planLoads } from './plan-loads';
import { plant, pour, scenario, truck } from './scheduler-fixtures';
import type { SchedulerInput } from './types';

/** A busy morning: eight pours on two plants that batch one load every 5 and 6 minutes, twelve trucks. */
function busyMorning(seed: number): SchedulerInput {
  const random = seededRandom(seed);
  const pours = Array.from({ length: 8 }, (_, i) =>
    pour(`R${i}`, {
      remainingM3: 20 + 10 * random.below(8),
      window: { startMinute: 30 + 15 * random.below(12), endMinute: 600 },
      pourRateM3PerHour: 20 + 10 * random.below(4),
      plantIds: ['P1', 'P2'],
    }),
  );
  const minutes = Object.fromEntries(
    ['P1', 'P2'].map((p) => [p, Object.fromEntries(pours.map((o) => [o.id, 10 + random.below(30)]))]),
  );
  return scenario({
    plants: [plant('P1', { loadsPerHour: 12 }), plant('P2', { loadsPerHour: 10, loadingMinutes: 8 })],
    pours,
    trucks: Array.from({ length: 12 }, (_, i) =>
      truck(`T${i}`, {
        capacityM3: [8, 10, 12][i % 3],
        homePlantId: i % 2 ? 'P2' : 'P1',
        freeAt: { kind: 'plant', plantId: i % 2 ? 'P2' : 'P1' },
      }),
    ),
    minutes,
    options: { seed, maxIterations: 30 },
  });
}

describe('planLoads hard rules', () => {
  it.each([1, 2, 3])('holds them on a busy morning (seed %i)', (seed) => {
    const input = busyMorning(seed);
    input.travel = { ...input.travel, plantToPlant: { P1: { P2: 20 }, P2: { P1: 20 } } };
    const plan = planLoads(input);
    const travel = input.travel.plantToPour;
    const loads = plan.proposedLoads;
    expect(loads.length).toBeGreaterThan(0);

    // One truck, one load: a truck's next batch is after its last discharge and the drive back.
    for (const t of input.trucks) {
      const own = loads.filter((load) => load.truckId === t.id).sort((a, b) => a.batchMinute - b.batchMinute);
      for (let i = 1; i < own.length; i++) {
        const back = travel[own[i].plantId][own[i - 1].pourId];
        expect(own[i].batchMinute).toBeGreaterThanOrEqual(own[i - 1].dischargeEndMinute + back - 1e-6);
      }
    }
    // Plant capacity: batch starts at least 60 / loads-per-hour apart.
    for (const p of input.plants) {
      const starts = loads
        .filter((load) => load.plantId === p.id)
        .map((load) => load.batchMinute)
        .sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i++)
        expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(60 / p.loadsPerHour! - 1e-6);
    }
    for (const load of loads) {
      // Discharge ends by the deadline; the truck cannot arrive before it has loaded and driven.
      expect(load.dischargeEndMinute).toBeLessThanOrEqual(load.dischargeDeadlineMinute + 1e-6);
      expect(load.arriveMinute).toBeCloseTo(load.departMinute + travel[load.plantId][load.pourId], 6);
      expect(load.dischargeStartMinute).toBeGreaterThanOrEqual(load.arriveMinute - 1e-6);
    }
    // A pour planned whole is served inside its window, within its gap limit, without overlap.
    for (const p of plan.pours.filter((candidate) => candidate.status === 'complete')) {
      const spec = input.pours.find((candidate) => candidate.id === p.pourId)!;
      expect(p.plannedM3).toBeGreaterThanOrEqual(spec.remainingM3 - 1e-6);
      p.loads.forEach((load, i) => {
        expect(load.dischargeStartMinute).toBeGreaterThanOrEqual(spec.window.startMinute - 1e-6);
        expect(load.dischargeEndMinute).toBeLessThanOrEqual(spec.window.endMinute! + 1e-6);
        if (i === 0) return;
        const gap = load.dischargeStartMinute - p.loads[i - 1].dischargeEndMinute;
        expect(gap).toBeGreaterThanOrEqual(-1e-6);
        expect(gap).toBeLessThanOrEqual(spec.maxGapMinutes + 1e-6);
      });
    }
  });

  it('keeps a load in progress and plans behind a late truck', () => {
    const input = (arriveMinute: number) =>
      scenario({
        nowMinute: 70,
        pours: [pour('A', { remainingM3: 10, lastDischargeEndMinute: 70 })],
        trucks: [truck('T1'), truck('T2', { freeFromMinute: 70 })],
        loadsInProgress: [
          { id: 'L1', pourId: 'A', truckId: 'T1', plantId: 'P1', volumeM3: 10, batchMinute: 50, arriveMinute },
        ],
      });
    const onTime = planLoads(input(75)).pours[0].loads;
    const late = planLoads(input(90)).pours[0].loads;
    expect(onTime.map((load) => [load.loadInProgressId, load.dischargeStartMinute, load.dischargeEndMinute])).toEqual([
      ['L1', 75, 95],
      [undefined, 95, 115],
    ]);
    // Twenty minutes late at the site: its discharge and the next one move with it, and the next batch waits.
    expect(late.map((load) => [load.truckId, load.batchMinute, load.dischargeStartMinute])).toEqual([
      ['T1', 50, 90],
      ['T2', 85, 110],
    ]);
  });
});
