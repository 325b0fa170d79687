import { planLoads } from './plan-loads';
import { plant, pour, scenario, truck } from './scheduler-fixtures';

describe(planLoads.name, () => {
  it('paces two trucks to a pour: back to back while they can, then the first one round again', () => {
    const plan = planLoads(scenario({}));
    const [a] = plan.pours;
    expect(a.status).toBe('complete');
    // 10 m³ at 30 m³/h discharge in 20 minutes; the plant loads in 10, the site is 15 away.
    expect(
      a.loads.map((l) => [l.truckId, l.batchMinute, l.arriveMinute, l.dischargeStartMinute, l.dischargeEndMinute]),
    ).toEqual([
      ['T1', 35, 60, 60, 80],
      ['T2', 55, 80, 80, 100],
      ['T1', 95, 120, 120, 140],
    ]);
    expect(plan.metrics).toMatchObject({ coldJoints: 0, servedM3: 30, unservedPours: 0, siteWaitMinutes: 0 });
  });

  it('gives the same plan for the same input and seed', () => {
    const input = scenario({
      pours: [pour('A'), pour('B', { window: { startMinute: 70 } }), pour('C', { remainingM3: 50 })],
      trucks: [truck('T1'), truck('T2'), truck('T3', { capacityM3: 8 })],
      options: { seed: 7, maxIterations: 50 },
    });
    expect(planLoads(input)).toEqual(planLoads(input));
  });

  it('refuses a pour that names a plant not in the input', () => {
    expect(() => planLoads(scenario({ pours: [pour('A', { plantIds: ['P9'] })] }))).toThrow(RangeError);
  });

  it('plans nothing for a pour with nothing left to send', () => {
    const plan = planLoads(scenario({ pours: [pour('A', { remainingM3: 0 })], plants: [plant('P1')] }));
    expect(plan.pours[0]).toMatchObject({ status: 'complete', loads: [] });
  });
});
