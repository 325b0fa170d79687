import { planLoads } from './plan-loads';
import { plant, pour, scenario, truck } from './scheduler-fixtures';
import type { PlannedLoad, SchedulerInput } from './types';

// Every scenario: the plant loads in 10 minutes, sites are 15 minutes away,
// trucks carry 10 m³, the gap limit is 30 minutes and the age limit 90.
const times = (loads: readonly PlannedLoad[]) =>
  loads.map((load) => [load.truckId, load.batchMinute, load.dischargeStartMinute, load.dischargeEndMinute]);

describe('planLoads when things change', () => {
  it('paces trucks twice as close when the site doubles its rate', () => {
    const trucks = [truck('T1'), truck('T2'), truck('T3')];
    const atPlannedRate = planLoads(scenario({ trucks, pours: [pour('A', { pourRateM3PerHour: 30 })] }));
    const atDoubleRate = planLoads(scenario({ trucks, pours: [pour('A', { pourRateM3PerHour: 60 })] }));
    // 10 m³ takes 20 minutes at 30 m³/h, 10 at 60 m³/h; each truck batches 25 minutes before it discharges.
    expect(times(atPlannedRate.pours[0].loads)).toEqual([
      ['T1', 35, 60, 80],
      ['T2', 55, 80, 100],
      ['T3', 75, 100, 120],
    ]);
    expect(times(atDoubleRate.pours[0].loads)).toEqual([
      ['T1', 35, 60, 70],
      ['T2', 45, 70, 80],
      ['T3', 55, 80, 90],
    ]);
  });

  it('sends a replacement at once after a rejection, from the truck that is free, and keeps the pour inside its gap limit', () => {
    // The first load ended at 100; the second was rejected and its truck T2 is
    // back at the plant only at 130, so 20 m³ are still to send.
    const plan = planLoads(
      scenario({
        nowMinute: 100,
        pours: [pour('A', { remainingM3: 20, lastDischargeEndMinute: 100 })],
        trucks: [
          truck('T1', { freeFromMinute: 115 }),
          truck('T2', { freeFromMinute: 130 }),
          truck('T3', { freeFromMinute: 100 }),
        ],
      }),
    );
    const [a] = plan.pours;
    expect(times(a.loads)).toEqual([
      ['T3', 100, 125, 145],
      ['T1', 120, 145, 165],
    ]);
    expect(a).toMatchObject({ status: 'complete', coldJoints: [] });
  });

  it('plans around a broken-down truck and warns of the cold joint one truck alone cannot avoid', () => {
    const input = (trucks: SchedulerInput['trucks']) =>
      scenario({
        nowMinute: 80,
        pours: [pour('A', { remainingM3: 20, lastDischargeEndMinute: 80 })],
        trucks,
      });
    const bothTrucks = planLoads(input([truck('T1', { freeFromMinute: 80 }), truck('T2', { freeFromMinute: 80 })]));
    expect(bothTrucks.pours[0]).toMatchObject({ status: 'complete', coldJoints: [] });

    // T2 broke down: it leaves the input. T1 is back from its first trip at 140.
    const afterBreakdown = planLoads(input([truck('T1', { freeFromMinute: 80 })]));
    const [a] = afterBreakdown.pours;
    expect(times(a.loads)).toEqual([
      ['T1', 80, 105, 125],
      ['T1', 140, 165, 185],
    ]);
    expect(a.status).toBe('late');
    expect(a.coldJoints).toEqual([{ afterSequence: 0, gapMinutes: 40 }]);
    expect(afterBreakdown.metrics.coldJoints).toBe(1);
  });

  it('starts no two batches closer than a plant at capacity allows, holding a truck on site rather than delaying a pour', () => {
    const plan = planLoads(
      scenario({
        plants: [plant('P1', { loadsPerHour: 4 })],
        pours: [pour('A', { remainingM3: 10 }), pour('B', { remainingM3: 10 })],
      }),
    );
    const [a, b] = plan.pours.map((p) => p.loads[0]);
    // Both want their batch at 35; the plant starts one every 15 minutes.
    expect([a.batchMinute, b.batchMinute].sort((x, y) => x - y)).toEqual([20, 35]);
    expect([a.dischargeStartMinute, b.dischargeStartMinute]).toEqual([60, 60]);
    expect(plan.metrics.siteWaitMinutes).toBe(15);
  });

  it('does not load at a plant so far that the concrete would outlive its deadline', () => {
    const far = { FAR: { A: 80 }, NEAR: { A: 15 } };
    const input = scenario({
      plants: [plant('FAR', { loadingMinutes: 5 }), plant('NEAR')],
      pours: [pour('A', { remainingM3: 20, plantIds: ['FAR', 'NEAR'] })],
      trucks: [
        truck('T1', { homePlantId: 'FAR', freeAt: { kind: 'plant', plantId: 'FAR' } }),
        truck('T2', { homePlantId: 'FAR', freeAt: { kind: 'plant', plantId: 'FAR' } }),
      ],
      minutes: far,
    });
    // 5 loading + 80 driving + 20 discharging is 105 minutes, past the 90 allowed: the trucks drive to NEAR first.
    const plan = planLoads({
      ...input,
      travel: { plantToPour: far, plantToPlant: { FAR: { NEAR: 30 } } },
    });
    const [a] = plan.pours;
    expect(a.status).toBe('complete');
    expect(a.loads.map((load) => load.plantId)).toEqual(['NEAR', 'NEAR']);
    for (const load of a.loads) expect(load.dischargeEndMinute).toBeLessThanOrEqual(load.dischargeDeadlineMinute);

    const onlyFar = planLoads({ ...input, pours: [pour('A', { remainingM3: 20, plantIds: ['FAR'] })] });
    expect(onlyFar.pours[0]).toMatchObject({ status: 'unserved', loads: [] });
  });
});
