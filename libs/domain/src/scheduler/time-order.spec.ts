import fc from 'fast-check';
import { construct, planInTimeOrder, planWithFlexibleTimes, TRUCK_CHOICES } from './construct';
import { planContext, planLoads } from './plan-loads';
import { planBreaks } from './rule-check';
import { randomScenario } from './random-scenario.spec-helper';
import { asSchedulePlan, loadRows, plant, pour, scenario, truck } from './scheduler-fixtures';
import type { SearchBudget } from './time-order';
import type { SchedulerInput } from './types';

/**
 * One plant that loads at once, three trucks of 10 m³ that discharge in 10
 * minutes, a gap limit of 5 minutes. S1 (40 m³, 4 minutes away) must run
 * 16–59 and S2 (40 m³, 3 minutes away) 29–76: four discharges each, nearly
 * back to back, at the same time. Only a truck that goes from one pour to the
 * other and back serves both.
 */
function twoPoursSharingTrucks(): SchedulerInput {
  return scenario({
    plants: [plant('P1', { loadingMinutes: 0 })],
    pours: [
      pour('S1', { remainingM3: 40, window: { startMinute: 16, endMinute: 59 }, maxGapMinutes: 5 }),
      pour('S2', { remainingM3: 40, window: { startMinute: 29, endMinute: 76 }, maxGapMinutes: 5 }),
    ],
    trucks: ['T1', 'T2', 'T3'].map((id) => truck(id, { fixedDischargeMinutes: 10 })),
    minutes: { P1: { S1: 4, S2: 3 } },
  });
}

/** Both pours of the scenario planned in time order. */
function bothInTimeOrder(input: SchedulerInput, budget: SearchBudget) {
  const genome = { openOrder: [0, 1], truckChoice: [TRUCK_CHOICES[0], TRUCK_CHOICES[0]] };
  return planInTimeOrder(planContext(input), genome, [0, 1], budget);
}

describe('the search in time order', () => {
  it('serves two pours that must share trucks load by load, where planning one pour after the other serves one', () => {
    const input = twoPoursSharingTrucks();
    const context = planContext(input);
    // Pour by pour, in either order and with any truck choice, one of the two is left out.
    for (const openOrder of [
      [0, 1],
      [1, 0],
    ]) {
      for (const choice of TRUCK_CHOICES) {
        const built = construct(context, { openOrder, truckChoice: [choice, choice] });
        expect(built.metrics.servedM3).toBe(40);
      }
    }

    const built = bothInTimeOrder(input, { nodes: 1_000 })!;
    expect(built.metrics.servedM3).toBe(80);
    const rows = loadRows(built);
    // T3 feeds S2 first (29–39), is back at the plant at 42 and takes S1's last load (46–56);
    // T1 and T2 end on S1 and go on to S2. Every pause is within 5 minutes.
    expect(rows).toEqual([
      ['T1 12 16-26', 'T2 22 26-36', 'T1 32 36-46', 'T3 42 46-56'],
      ['T3 26 29-39', 'T2 40 43-53', 'T1 50 53-63', 'T2 60 63-73'],
    ]);

    // The scheduler tries it for the pour its greedy plans leave out.
    const plan = planLoads(input);
    expect(plan.pours.map((pourPlan) => pourPlan.status)).toEqual(['complete', 'complete']);
    expect(planBreaks(input, plan)).toEqual([]);
  });

  it('proves within its budget that a set cannot be served', () => {
    const input = twoPoursSharingTrucks();
    // Two trucks only: S1 alone needs them both.
    input.trucks = input.trucks.slice(0, 2);
    const budget = { nodes: 10_000 };
    expect(bothInTimeOrder(input, budget)).toBeNull();
    // The search ended by proving it, not by running out of steps.
    expect(budget.nodes).toBeGreaterThan(0);
    const plan = planLoads(input);
    expect(plan.metrics.servedM3).toBe(40);
    expect(planBreaks(input, plan)).toEqual([]);
  });

  it('stops when its budget of steps runs out', () => {
    const input = twoPoursSharingTrucks();
    const budget = { nodes: 3 };
    expect(bothInTimeOrder(input, budget)).toBeNull();
  });

  it('keeps every hard rule in whatever plan it finds, with fixed or flexible times', () => {
    const scenarios = fc.record({ input: randomScenario(4), way: fc.constantFrom('early', 'stretch', 'flexible') });
    let found = 0;
    fc.assert(
      fc.property(scenarios, ({ input, way }) => {
        const pours = input.pours;
        const context = planContext(input);
        const genome = { openOrder: context.openPours, truckChoice: pours.map(() => TRUCK_CHOICES[0]) };
        const budget = { nodes: 2_000, stretch: way === 'stretch' };
        const built =
          way === 'flexible'
            ? planWithFlexibleTimes(context, genome, context.openPours, budget)
            : planInTimeOrder(context, genome, context.openPours, budget);
        if (built) {
          found += 1;
          expect(built.pours.every((p) => p.status === 'complete')).toBe(true);
          expect(planBreaks(input, asSchedulePlan(built))).toEqual([]);
        }
        const planned = planLoads(input);
        expect(planBreaks(input, planned)).toEqual([]);
      }),
      { seed: 20261201, numRuns: 150 },
    );
    // Not a property of empty plans: most scenarios are served.
    expect(found).toBeGreaterThan(50);
  });
});
