import { intervalMinutes, releaseTargets, travelMinutesFor } from './release-targets';

const start = new Date('2026-11-30T02:00:00Z');
const minutes = (date: Date) => (date.getTime() - start.getTime()) / 60_000;

describe(intervalMinutes.name, () => {
  it('is the truck load divided by the placement rate', () => {
    expect(intervalMinutes(8, 32)).toBe(15);
    expect(intervalMinutes(10, 60)).toBe(10);
  });

  it('refuses a rate of zero', () => {
    expect(() => intervalMinutes(8, 0)).toThrow(RangeError);
  });
});

describe(travelMinutesFor.name, () => {
  it('turns a route length into minutes at a typical speed', () => {
    expect(travelMinutesFor(15_000, 30)).toBe(30);
  });
});

describe(releaseTargets.name, () => {
  const base = {
    scheduledStart: start,
    pourRateM3PerHour: 32,
    travelMinutes: 20,
    lastDeparture: null,
    now: new Date('2026-11-30T01:00:00Z'),
  };

  it('sends the first truck one trip ahead of the start and the next at the pour’s rhythm', () => {
    const targets = releaseTargets({ ...base, waitingVolumesM3: [8, 8, 12] });
    expect(targets.map((target) => minutes(target.releaseAt))).toEqual([-20, -5, 10]);
    expect(targets.every((target) => !target.overdue)).toBe(true);
  });

  it('follows the last departure by the time the pump takes to place that load', () => {
    const lastDeparture = { at: new Date('2026-11-30T02:30:00Z'), volumeM3: 16 };
    const targets = releaseTargets({ ...base, lastDeparture, waitingVolumesM3: [8] });
    expect(minutes(targets[0].releaseAt)).toBe(60);
  });

  it('never plans a release before the first truck should leave', () => {
    const lastDeparture = { at: new Date('2026-11-30T00:00:00Z'), volumeM3: 8 };
    const targets = releaseTargets({ ...base, lastDeparture, waitingVolumesM3: [8] });
    expect(minutes(targets[0].releaseAt)).toBe(-20);
  });

  it('marks loads past their release time as overdue', () => {
    const targets = releaseTargets({ ...base, now: new Date('2026-11-30T01:50:00Z'), waitingVolumesM3: [8, 8] });
    expect(targets.map((target) => target.overdue)).toEqual([true, false]);
  });
});
