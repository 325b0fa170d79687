import { construct, TRUCK_CHOICES } from './construct';
import { planContext, planLoads } from './plan-loads';
import { seededRandom } from './rng';
import { delayed, restartGenome, rivalPlaces } from './search';
import { plant, pour, scenario, truck } from './scheduler-fixtures';

// Every scenario: the plant loads in 10 minutes, sites are 15 minutes away, one truck.
describe('the search over pour orders', () => {
  it('names as rivals of an unserved pour the pours ahead of it that discharge inside its window', () => {
    // A discharges 60–80 and B 300–320; C (60–100) finds the only truck busy until A's trip is over.
    const input = scenario({
      pours: [
        pour('A', { remainingM3: 10, window: { startMinute: 60, endMinute: 200 } }),
        pour('B', { remainingM3: 10, window: { startMinute: 300, endMinute: 400 } }),
        pour('C', { remainingM3: 10, window: { startMinute: 60, endMinute: 100 } }),
      ],
      trucks: [truck('T1')],
    });
    const context = planContext(input);
    const built = construct(context, {
      openOrder: [0, 1, 2],
      truckChoice: [TRUCK_CHOICES[0], TRUCK_CHOICES[0], TRUCK_CHOICES[0]],
    });
    expect(built.pours.map((plan) => plan.status)).toEqual(['complete', 'complete', 'unserved']);
    expect(built.pours[0].loads[0]).toMatchObject({ dischargeStartMinute: 60, dischargeEndMinute: 80 });
    // With C taken out, the order is A, B: only A (place 0) holds the truck in C's window.
    expect(rivalPlaces(context, built, [0, 1], 2, 2)).toEqual([0]);
    // Pours after C's place are not its rivals: they are planned after it anyway.
    expect(rivalPlaces(context, built, [0, 1], 0, 2)).toEqual([]);
  });

  it('gives up the pour that starts first when two later ones, together larger, need its truck', () => {
    // One truck of 15 m³ at 45 m³/h: 15 m³ discharge in 20 minutes, a trip round takes 60.
    // Planned first (earliest start), A takes the truck at 60–80 and 120–126.7, which leaves B
    // (70–90) and C (130–150) without it: 20 m³. Serving B and C instead delivers 30 m³.
    const input = scenario({
      plants: [plant('P1')],
      pours: [
        pour('A', {
          remainingM3: 20,
          window: { startMinute: 60, endMinute: 180 },
          pourRateM3PerHour: 45,
          maxGapMinutes: 60,
        }),
        pour('B', { remainingM3: 15, window: { startMinute: 70, endMinute: 90 }, pourRateM3PerHour: 45 }),
        pour('C', { remainingM3: 15, window: { startMinute: 130, endMinute: 150 }, pourRateM3PerHour: 45 }),
      ],
      trucks: [truck('T1', { capacityM3: 15 })],
    });
    // The plain greedy plan, in the order the pours may start.
    const context = planContext(input);
    const greedy = construct(context, {
      openOrder: context.openPours,
      truckChoice: input.pours.map(() => TRUCK_CHOICES[0]),
    });
    expect(greedy.pours.map((plan) => plan.status)).toEqual(['complete', 'unserved', 'unserved']);
    expect(greedy.metrics.servedM3).toBe(20);

    const searched = planLoads({ ...input, options: { seed: 3, maxIterations: 200 } });
    expect(searched.pours.map((plan) => plan.status)).toEqual(['unserved', 'complete', 'complete']);
    expect(searched.metrics.servedM3).toBe(30);
    expect(searched.pours[1].loads[0]).toMatchObject({ batchMinute: 45, dischargeStartMinute: 70 });
    expect(searched.pours[2].loads[0]).toMatchObject({ batchMinute: 105, dischargeStartMinute: 130 });
  });

  it('gives the same plan for the same seed through its restarts', () => {
    // Far more steps than a stall allows: the search starts again several times.
    const input = scenario({
      pours: ['A', 'B', 'C', 'D', 'E'].map((id, i) =>
        pour(id, { remainingM3: 20 + 10 * (i % 3), window: { startMinute: 60 + 20 * i, endMinute: 200 + 20 * i } }),
      ),
      trucks: [truck('T1'), truck('T2', { capacityM3: 8 })],
      options: { seed: 5, maxIterations: 600 },
    });
    const first = planLoads(input);
    expect(first.iterations).toBe(600);
    expect(planLoads(input)).toEqual(first);
  });

  it("moves one pour's start within its window, leaving the others where they were", () => {
    const context = planContext(
      scenario({
        pours: [
          pour('A', { window: { startMinute: 60, endMinute: 100 } }),
          pour('B', { window: { startMinute: 60, endMinute: 300 } }),
        ],
      }),
    );
    const random = seededRandom(4);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const delays = delayed(
        context,
        { openOrder: [0, 1], truckChoice: ['bigger_load', 'bigger_load'], startDelay: [20, 7] },
        0,
        random,
      );
      expect(delays[1]).toBe(7);
      // A's window is 40 minutes long: it never starts past its end.
      expect(delays[0]).toBeGreaterThanOrEqual(0);
      expect(delays[0]).toBeLessThanOrEqual(40);
      seen.add(delays[0]);
    }
    // Back to none, nudged around 20, and drawn anywhere: many different starts.
    expect(seen.has(0)).toBe(true);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('starts each new epoch from the plain genome in a random order, forgetting the best plan', () => {
    const input = scenario({
      pours: ['A', 'B', 'C', 'D'].map((id, i) => pour(id, { window: { startMinute: 60 + 30 * i, endMinute: 300 } })),
    });
    const context = planContext(input);
    const genome = {
      openOrder: [3, 2, 1, 0],
      truckChoice: ['tightest_fit', 'smaller_load', 'tightest_fit', 'smaller_load'] as const,
      startDelay: [5, 0, 10, 0],
    };
    const epochBest = { genome, built: construct(context, genome) };
    const random = seededRandom(2);
    // Restart 150 opens a new epoch: nothing of the best plan's genome is kept but its pours.
    const fresh = restartGenome(context, 150, epochBest, random);
    expect(fresh.truckChoice).toEqual(['bigger_load', 'bigger_load', 'bigger_load', 'bigger_load']);
    expect(fresh.startDelay).toBeUndefined();
    expect([...fresh.openOrder].sort()).toEqual([0, 1, 2, 3]);
    // Restart 3 keeps the best plan's truck choices and delays in a new order.
    const reordered = restartGenome(context, 3, epochBest, random);
    expect(reordered.truckChoice).toEqual(genome.truckChoice);
    expect(reordered.startDelay).toEqual(genome.startDelay);
  });
});
