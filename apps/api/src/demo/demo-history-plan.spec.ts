import {
  deliveredByNowM3,
  type HistoryPour,
  type HistoryTruck,
  type PlannedLoad,
  planHistory,
} from './demo-history-plan';

const at = (time: string) => new Date(`2030-05-14T${time}:00+08:00`);
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

const trucks: HistoryTruck[] = Array.from({ length: 12 }, (_, index) => ({
  id: `T${String(index + 1).padStart(2, '0')}`,
  capacityM3: index === 4 ? 10 : index === 8 ? 14 : 12,
}));

const earlyPour: HistoryPour = {
  scheduledStart: at('04:30'),
  volumeM3: 96,
  pourRateM3PerHour: 30,
  travelMinutes: 14,
  returnMinutes: 18,
};

function steps(load: PlannedLoad): Date[] {
  return [
    load.ticketedAt,
    load.batchedAt,
    load.sentToQcAt,
    ...(load.failedPlantTestAt ? [load.failedPlantTestAt] : []),
    load.plantTestAt,
    load.departedAt,
    load.arrivedAt,
    load.siteTestAt,
    load.dischargeStartAt,
    load.dischargeEndAt,
    load.leftSiteAt,
    load.backAtPlantAt,
  ];
}

describe(planHistory.name, () => {
  it('delivers the whole volume of a finished pour in loads no truck is too small for', () => {
    const loads = planHistory(earlyPour, trucks, 96, at('14:00'), new Map());
    expect(loads.reduce((sum, load) => sum + load.volumeM3, 0)).toBeCloseTo(96, 6);
    const capacity = new Map(trucks.map((truck) => [truck.id, truck.capacityM3]));
    for (const load of loads) expect(load.volumeM3).toBeLessThanOrEqual(capacity.get(load.truckId)!);
    expect(loads).toHaveLength(8);
  });

  it('keeps the scheduled start when the pour was over long before now', () => {
    const loads = planHistory(earlyPour, trucks, 96, at('14:00'), new Map());
    expect(loads[0].dischargeStartAt).toEqual(at('04:30'));
  });

  it('moves the whole pour earlier when its last truck would not yet be back, so nothing lies in the future', () => {
    const now = at('06:00');
    const loads = planHistory(earlyPour, trucks, 96, now, new Map());
    expect(loads[0].dischargeStartAt.getTime()).toBeLessThan(at('04:30').getTime());
    const lastBack = loads[loads.length - 1].backAtPlantAt;
    expect(lastBack.getTime()).toBeLessThan(now.getTime());
    expect(minutes(lastBack, now)).toBeLessThan(5);
  });

  it('takes every step of every load in order', () => {
    for (const load of planHistory(earlyPour, trucks, 96, at('14:00'), new Map(), { heldAtPlant: [2] })) {
      const times = steps(load).map((time) => time.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
    }
  });

  it('pours continuously at the planned rate, one truck at the pump at a time', () => {
    const loads = planHistory(earlyPour, trucks, 96, at('14:00'), new Map());
    for (const load of loads) {
      expect(minutes(load.dischargeStartAt, load.dischargeEndAt)).toBeCloseTo((load.volumeM3 / 30) * 60, 0);
    }
    for (let i = 1; i < loads.length; i++) {
      const gap = minutes(loads[i - 1].dischargeEndAt, loads[i].dischargeStartAt);
      expect(gap).toBeGreaterThanOrEqual(2);
      expect(gap).toBeLessThanOrEqual(4);
    }
  });

  it('discharges every load within 90 minutes of batching', () => {
    for (const load of planHistory(earlyPour, trucks, 96, at('14:00'), new Map(), { heldAtPlant: [1] })) {
      expect(minutes(load.batchedAt, load.dischargeEndAt)).toBeLessThan(90);
    }
  });

  it('holds a load at the plant for its adjustment before the passing re-test, and still keeps the pace', () => {
    const loads = planHistory(earlyPour, trucks, 96, at('14:00'), new Map(), { heldAtPlant: [1] });
    expect(loads[0].failedPlantTestAt).toBeNull();
    expect(minutes(loads[1].failedPlantTestAt!, loads[1].plantTestAt)).toBe(7);
    expect(minutes(loads[0].dischargeEndAt, loads[1].dischargeStartAt)).toBeLessThanOrEqual(4);
  });

  it('never sends a truck out while it is still on an earlier load, across pours sharing the fleet', () => {
    const freeAt = new Map<string, number>();
    const first = planHistory(earlyPour, trucks, 96, at('14:00'), freeAt);
    const second = planHistory(
      { ...earlyPour, scheduledStart: at('05:30'), volumeM3: 120, pourRateM3PerHour: 45 },
      trucks,
      120,
      at('14:00'),
      freeAt,
    );
    const byTruck = new Map<string, PlannedLoad[]>();
    for (const load of [...first, ...second]) byTruck.set(load.truckId, [...(byTruck.get(load.truckId) ?? []), load]);
    for (const loads of byTruck.values()) {
      const sorted = [...loads].sort((a, b) => a.ticketedAt.getTime() - b.ticketedAt.getTime());
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i].batchedAt.getTime()).toBeGreaterThanOrEqual(sorted[i - 1].backAtPlantAt.getTime());
      }
    }
  });

  it('plans nothing for nothing delivered, and never more than the pour', () => {
    expect(planHistory(earlyPour, trucks, 0, at('14:00'), new Map())).toEqual([]);
    const loads = planHistory(earlyPour, trucks, 500, at('14:00'), new Map());
    expect(loads.reduce((sum, load) => sum + load.volumeM3, 0)).toBeCloseTo(96, 6);
  });
});

describe(deliveredByNowM3.name, () => {
  const raft: HistoryPour = { ...earlyPour, scheduledStart: at('07:00'), volumeM3: 380, pourRateM3PerHour: 55 };

  it('follows the pour rate, a little slower, since the scheduled start', () => {
    expect(deliveredByNowM3(raft, at('09:00'))).toBeCloseTo(55 * 2 * 0.85, 6);
  });

  it('has delivered at least a sixth of a pour under way, even before its scheduled start', () => {
    expect(deliveredByNowM3(raft, at('05:00'))).toBeCloseTo(380 / 6, 6);
  });

  it('leaves two fifths to deliver however late it is', () => {
    expect(deliveredByNowM3(raft, at('23:00'))).toBeCloseTo(380 * 0.6, 6);
  });
});
