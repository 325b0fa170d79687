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

  it('keeps the pumps fed where it can, though the cold-joint limit would allow long pauses', () => {
    // A: 50 m³ from minute 8 at 30 m³/h, 30 minutes away; B: 30 m³ from minute 27 at 40 m³/h,
    // 16 minutes away. Five trucks serve both whole either way, with no truck waiting on site.
    const plan = planLoads(
      scenario({
        pours: [
          pour('A', { remainingM3: 50, window: { startMinute: 8 }, maxGapMinutes: 300 }),
          pour('B', { remainingM3: 30, window: { startMinute: 27 }, pourRateM3PerHour: 40, maxGapMinutes: 300 }),
        ],
        trucks: [24, 30, 6, 4, 21].map((freeFromMinute, i) => truck(`T${i}`, { freeFromMinute })),
        minutes: { P1: { A: 30, B: 16 } },
        options: { seed: 1, maxIterations: 40 },
      }),
    );
    const [a, b] = plan.pours;
    const pauses = (loads: typeof a.loads) =>
      loads.slice(1).map((load, i) => load.dischargeStartMinute - loads[i].dischargeEndMinute);
    // B is poured straight through, rather than left for over an hour after its first load while
    // A takes the trucks (as good a plan on every other count), and so is A after it.
    expect(pauses(b.loads)).toEqual([0, 0]);
    expect(pauses(a.loads)).toEqual([0, 0, 0, 0]);
    // Pump idle: A's pump from 8 to its first discharge, B's from 27 to its first.
    const idle = a.loads[0].dischargeStartMinute - 8 + (b.loads[0].dischargeStartMinute - 27);
    expect(plan.metrics.pumpIdleMinutes).toBeCloseTo(idle, 6);
    expect(plan.metrics).toMatchObject({ servedM3: 80, siteWaitMinutes: 0 });
    expect(idle).toBeLessThanOrEqual(56);
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
