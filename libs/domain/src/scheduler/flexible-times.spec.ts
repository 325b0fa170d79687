import { construct, planInTimeOrder, planWithFlexibleTimes, TRUCK_CHOICES } from './construct';
import { planContext, planLoads } from './plan-loads';
import { planBreaks } from './rule-check';
import { loadRows, plant, pour, scenario, truck } from './scheduler-fixtures';
import type { SchedulerInput } from './types';

/**
 * One plant that loads at once, three trucks of 10 m³ that discharge in 10
 * minutes. S1 (40 m³, 2 minutes away, window 5–60) allows no pause at all;
 * S2 (40 m³, 5 minutes away, window 0–70) a pause of 5 minutes. S1 takes all
 * three trucks at first; S2 can only be kept going if it starts late enough
 * for the trucks coming back from S1 to link its loads.
 */
function aChainThatMustWait(): SchedulerInput {
  return scenario({
    plants: [plant('P1', { loadingMinutes: 0 })],
    pours: [
      pour('S1', { remainingM3: 40, window: { startMinute: 5, endMinute: 60 }, maxGapMinutes: 0 }),
      pour('S2', { remainingM3: 40, window: { startMinute: 0, endMinute: 70 }, maxGapMinutes: 5 }),
    ],
    trucks: ['T1', 'T2', 'T3'].map((id) => truck(id, { fixedDischargeMinutes: 10 })),
    minutes: { P1: { S1: 2, S2: 5 } },
  });
}

describe('the search with flexible times', () => {
  it('holds a chain back from its first load until the trucks it needs come round', () => {
    const input = aChainThatMustWait();
    const context = planContext(input);
    const genome = { openOrder: [1, 0], truckChoice: [TRUCK_CHOICES[0], TRUCK_CHOICES[0]] };
    // Pour by pour, in either order and with any truck choice, one of the two is left out.
    for (const openOrder of [
      [0, 1],
      [1, 0],
    ]) {
      for (const choice of TRUCK_CHOICES) {
        expect(construct(context, { openOrder, truckChoice: [choice, choice] }).metrics.servedM3).toBeLessThan(80);
      }
    }
    // In time order with fixed times, each load as early as it can be or a chain slowed to its gap limit: none.
    expect(planInTimeOrder(context, genome, [0, 1], { nodes: 100_000 })).toBeNull();
    expect(planInTimeOrder(context, genome, [0, 1], { nodes: 100_000, stretch: true })).toBeNull();

    const built = planWithFlexibleTimes(context, genome, [0, 1], { nodes: 1_000 })!;
    expect(built.metrics.servedM3).toBe(80);
    // S1 runs 5–45 without a pause. S2 starts at 17, not at 5 when T2 could
    // be there, so that T3 (back from S1 at 27) comes within the 5 minutes
    // (32) and T1 and T2 (back at 37 and 47) follow on without a pause.
    expect(loadRows(built)).toEqual([
      ['T1 3 5-15', 'T3 13 15-25', 'T1 23 25-35', 'T2 33 35-45'],
      ['T2 12 17-27', 'T3 27 32-42', 'T1 37 42-52', 'T2 47 52-62'],
    ]);

    // The scheduler tries it for the pour its greedy plans leave out.
    const plan = planLoads(input);
    expect(plan.pours.map((pourPlan) => pourPlan.status)).toEqual(['complete', 'complete']);
    expect(planBreaks(input, plan)).toEqual([]);
  });
});
