import { describe, expect, it } from '@jest/globals';
import type { LoadDto, PourDto } from '@pourline/contracts';
import { LOAD_IN_TRANSIT_STATUSES } from '@pourline/domain';
import { nextTruck, pourPace } from './pourProgress';

const START = Date.parse('2026-05-04T08:00:00Z');
const pour = {
  status: 'in_progress',
  scheduledStart: '2026-05-04T08:00:00Z',
  volumeM3: 240,
  pourRateM3PerHour: 60,
} as PourDto;
const volumes = (deliveredM3: number, inTransitM3 = 0) => ({ deliveredM3, inTransitM3, rejectedM3: 0, remainingM3: 0 });
const hoursIn = (hours: number) => START + hours * 3_600_000;

describe(pourPace.name, () => {
  it('says on pace when what is poured and on its way matches the planned rate', () => {
    expect(pourPace(pour, volumes(48, 12), hoursIn(1))).toBe('on_pace');
  });

  it('says behind when more than the tolerance short of the plan', () => {
    expect(pourPace(pour, volumes(36), hoursIn(1))).toBe('behind');
  });

  it('says ahead when more than the tolerance over the plan', () => {
    expect(pourPace(pour, volumes(60, 24), hoursIn(1))).toBe('ahead');
  });

  it('counts concrete in transit as committed', () => {
    expect(pourPace(pour, volumes(24, 36), hoursIn(1))).toBe('on_pace');
  });

  it('does not judge a pour before its start with nothing sent', () => {
    expect(pourPace({ ...pour, status: 'confirmed' }, volumes(0), hoursIn(-0.5))).toBe('not_started');
  });

  it('treats a completed pour as done', () => {
    expect(pourPace({ ...pour, status: 'completed' }, volumes(240), hoursIn(5))).toBe('done');
  });
});

describe(nextTruck.name, () => {
  const load = (ticket: string, status: LoadDto['status'], arrivesAt?: string, queuePosition = 1) =>
    ({
      ticketNumber: ticket,
      truckFleetNumber: `T-${ticket}`,
      status,
      queuePosition,
      eta: arrivesAt ? { arrivesAt } : null,
    }) as LoadDto;

  it('names a truck whenever concrete is in transit, ETA or not', () => {
    for (const status of LOAD_IN_TRANSIT_STATUSES) {
      const loads = [load('1', status)];
      expect(nextTruck(loads)).not.toBeNull();
    }
    expect(nextTruck([load('1', 'loading'), load('2', 'discharged')])).toBeNull();
  });

  it('puts the truck at the pump first, then the one waiting, then the soonest on the road', () => {
    const road = [load('3', 'en_route', '2026-05-04T09:30:00Z'), load('4', 'en_route', '2026-05-04T09:10:00Z')];
    expect(nextTruck(road)).toEqual({ kind: 'on_road', load: road[1], arrivesAt: '2026-05-04T09:10:00Z' });
    expect(nextTruck([...road, load('2', 'on_site')])?.kind).toBe('on_site');
    expect(nextTruck([...road, load('2', 'on_site'), load('1', 'discharging')])?.kind).toBe('discharging');
    expect(nextTruck([load('5', 'released', undefined, 2), load('6', 'released', undefined, 1)])).toEqual({
      kind: 'on_road',
      load: expect.objectContaining({ ticketNumber: '6' }),
      arrivesAt: null,
    });
  });
});

describe('pace beside status', () => {
  it('never calls a pour under way "not started", even before its planned time', () => {
    expect(pourPace(pour, volumes(0), hoursIn(-0.5))).not.toBe('not_started');
    expect(pourPace({ ...pour, status: 'ready' }, volumes(0), hoursIn(-0.5))).toBe('not_started');
  });
});
