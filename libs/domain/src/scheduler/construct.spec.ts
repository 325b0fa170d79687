import { construct, Constructor, firstDifference, type Genome, TRUCK_CHOICES } from './construct';
import { planContext } from './plan-loads';
import { pour, scenario, truck } from './scheduler-fixtures';

const [BIGGER, SMALLER] = TRUCK_CHOICES;

// Every scenario: the plant loads in 10 minutes, sites are 15 minutes away; 10 m³ discharge in 20 minutes.
describe('the construction of one plan', () => {
  it('holds back a pour by its start delay', () => {
    const context = planContext(scenario({ pours: [pour('A', { remainingM3: 10 })], trucks: [truck('T1')] }));
    const plain = construct(context, { openOrder: [0], truckChoice: [BIGGER] });
    expect(plain.pours[0].loads[0]).toMatchObject({ batchMinute: 35, dischargeStartMinute: 60 });
    const delayed = construct(context, { openOrder: [0], truckChoice: [BIGGER], startDelay: [45] });
    expect(delayed.pours[0].loads[0]).toMatchObject({ batchMinute: 80, dischargeStartMinute: 105 });
  });

  it('serves a pour planned later in the time a delayed pour leaves its truck free', () => {
    // One truck. A (60–200) planned first takes it at 60–80; it is back at the plant at 95, too late for B (60–100).
    const context = planContext(
      scenario({
        pours: [
          pour('A', { remainingM3: 10, window: { startMinute: 60, endMinute: 200 } }),
          pour('B', { remainingM3: 10, window: { startMinute: 60, endMinute: 100 } }),
        ],
        trucks: [truck('T1')],
      }),
    );
    const plain = construct(context, { openOrder: [0, 1], truckChoice: [BIGGER, BIGGER] });
    expect(plain.pours.map((plan) => plan.status)).toEqual(['complete', 'unserved']);
    // Held back an hour, A starts at 120: the truck serves B at 60–80 and is back at A by 120.
    const delayed = construct(context, { openOrder: [0, 1], truckChoice: [BIGGER, BIGGER], startDelay: [60, 0] });
    expect(delayed.pours.map((plan) => plan.status)).toEqual(['complete', 'complete']);
    expect(delayed.pours[1].loads[0]).toMatchObject({ dischargeStartMinute: 60, dischargeEndMinute: 80 });
    expect(delayed.pours[0].loads[0]).toMatchObject({ batchMinute: 95, dischargeStartMinute: 120 });
  });
});

describe('plans built one from the other', () => {
  const input = scenario({
    pours: [
      pour('A', { remainingM3: 30, window: { startMinute: 60, endMinute: 200 } }),
      pour('B', { remainingM3: 10, window: { startMinute: 70, endMinute: 100 } }),
      pour('C', { remainingM3: 10, window: { startMinute: 90, endMinute: 150 }, planEvenIfLate: true }),
      pour('D', { remainingM3: 20, window: { startMinute: 60, endMinute: 300 } }),
    ],
    trucks: [truck('T1'), truck('T2', { capacityM3: 8 })],
  });
  const context = planContext(input);
  const genomes: Genome[] = [
    { openOrder: [0, 1, 2, 3], truckChoice: [BIGGER, BIGGER, BIGGER, BIGGER] },
    { openOrder: [0, 1, 3, 2], truckChoice: [BIGGER, BIGGER, BIGGER, BIGGER] },
    { openOrder: [1, 0, 3, 2], truckChoice: [BIGGER, BIGGER, BIGGER, BIGGER] },
    { openOrder: [1, 0, 3, 2], truckChoice: [BIGGER, BIGGER, BIGGER, SMALLER] },
    { openOrder: [1, 0, 3, 2], truckChoice: [BIGGER, BIGGER, BIGGER, SMALLER], startDelay: [0, 0, 0, 150] },
    { openOrder: [0, 1, 2, 3], truckChoice: [BIGGER, BIGGER, BIGGER, BIGGER] },
  ];

  it('finds the first place from which two genomes may plan differently', () => {
    expect(firstDifference(context, genomes[0], genomes[1])).toBe(2);
    expect(firstDifference(context, genomes[1], genomes[2])).toBe(0);
    // D's truck choice and delay matter from D's place on (third in the order).
    expect(firstDifference(context, genomes[2], genomes[3])).toBe(2);
    expect(firstDifference(context, genomes[3], genomes[4])).toBe(2);
    expect(firstDifference(context, genomes[0], genomes[5])).toBe(4);
  });

  it('gives, plan after plan, the same plans as a construction from nothing', () => {
    const constructor = new Constructor(context);
    const statuses = new Set<string>();
    for (const genome of genomes) {
      const built = constructor.build(genome);
      expect(built).toEqual(construct(context, genome));
      statuses.add(JSON.stringify(built.pours.map((plan) => [plan.status, plan.loads[0]?.dischargeStartMinute])));
    }
    // B is left out, then served when planned first; D's delay moves it; the last plan is the first again.
    expect(statuses.size).toBe(3);
  });
});
