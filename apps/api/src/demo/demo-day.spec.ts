import { isLoadTerminal, LOAD_STATUSES, pourVolumes } from '@pourline/domain';
import { FixedClock } from '../platform/clock/clock';
import { closingStatus, type OpenPourOfDemo, planDemoDay, settlementSteps } from './demo-day';

const ZONE = 'Asia/Shanghai';
const pour = (id: string, status: OpenPourOfDemo['status'], scheduledStart: string, openLoads = 0): OpenPourOfDemo => ({
  id,
  status,
  scheduledStart: new Date(scheduledStart),
  timeZone: ZONE,
  openLoads,
});

describe(planDemoDay.name, () => {
  const yesterdays = [
    pour('night', 'in_progress', '2030-05-14T19:30:00+08:00'),
    pour('ready', 'ready', '2030-05-14T10:30:00+08:00'),
    pour('draft', 'draft', '2030-05-14T15:00:00+08:00'),
  ];
  const todays = [pour('early', 'in_progress', '2030-05-15T00:30:00+08:00')];

  it('closes nothing one second before midnight in the plant’s time zone', () => {
    // 23:59:59 in Nanjing is still 15:59:59 UTC of the same day.
    const clock = new FixedClock(new Date('2030-05-14T15:59:59Z'));
    expect(planDemoDay(clock.now(), ZONE, yesterdays, 3)).toEqual({ today: '2030-05-14', close: [], seedToday: false });
  });

  it('closes every pour the day left open once the clock passes midnight, and asks for a new day', () => {
    const clock = new FixedClock(new Date('2030-05-14T15:59:59Z'));
    clock.set(new Date('2030-05-14T16:00:00Z'));
    expect(planDemoDay(clock.now(), ZONE, yesterdays, 0)).toEqual({
      today: '2030-05-15',
      close: ['night', 'ready', 'draft'],
      seedToday: true,
    });
  });

  it('leaves today’s pours open, and does not plan a second day when today has pours', () => {
    const plan = planDemoDay(new Date('2030-05-15T02:00:00Z'), ZONE, [...yesterdays, ...todays], 1);
    expect(plan.close).toEqual(['night', 'ready', 'draft']);
    expect(plan.seedToday).toBe(false);
  });

  it('closes a pour left open several days ago, as when the demo starts again after a week', () => {
    const plan = planDemoDay(new Date('2030-05-21T01:00:00Z'), ZONE, yesterdays, 0);
    expect(plan).toMatchObject({ today: '2030-05-21', close: ['night', 'ready', 'draft'], seedToday: true });
  });

  it('never touches a pour that is completed or cancelled with all its loads at rest', () => {
    const closed = [pour('done', 'completed', '2030-05-14T04:30:00+08:00')];
    closed.push(pour('off', 'cancelled', '2030-05-14T05:30:00+08:00'));
    expect(planDemoDay(new Date('2030-05-15T01:00:00Z'), ZONE, closed, 0).close).toEqual([]);
  });

  it('settles a completed pour whose last truck was still on its way home at midnight', () => {
    const finished = [pour('done', 'completed', '2030-05-14T20:30:00+08:00', 1)];
    expect(planDemoDay(new Date('2030-05-15T01:00:00Z'), ZONE, finished, 0).close).toEqual(['done']);
  });
});

describe(settlementSteps.name, () => {
  it.each(LOAD_STATUSES)('brings a %s load to rest by steps the truck cycle allows', (status) => {
    const steps = settlementSteps(status);
    const last = steps.at(-1) ?? status;
    expect(isLoadTerminal(last)).toBe(true);
  });

  it('finishes a load being discharged, so its concrete counts as delivered', () => {
    expect(settlementSteps('discharging')).toEqual(['discharged', 'returning', 'back_at_plant']);
    const settled = { status: 'back_at_plant' as const, volumeM3: 12, rejected: false };
    expect(pourVolumes([settled], 96).deliveredM3).toBe(12);
  });

  it('pours the concrete already on the road or on site, the last trucks out finishing the element', () => {
    expect(settlementSteps('released')).toEqual([
      'en_route',
      'on_site',
      'discharging',
      'discharged',
      'returning',
      'back_at_plant',
    ]);
    expect(settlementSteps('on_site')).toEqual(['discharging', 'discharged', 'returning', 'back_at_plant']);
  });

  it('brings a rejected load back with its concrete, still counted as rejected', () => {
    expect(settlementSteps('rejected')).toEqual(['returning_with_load', 'back_at_plant']);
    expect(pourVolumes([{ status: 'back_at_plant', volumeM3: 12, rejected: true }], 96)).toMatchObject({
      deliveredM3: 0,
      rejectedM3: 12,
    });
  });

  it('cancels loads not yet batched and disposes of concrete still at plant QC', () => {
    expect(settlementSteps('scheduled')).toEqual(['cancelled']);
    expect(settlementSteps('loading')).toEqual(['cancelled']);
    expect(settlementSteps('plant_qc')).toEqual(['held', 'disposed']);
  });
});

describe(closingStatus.name, () => {
  it('completes a pour under way that has had concrete', () => {
    expect(closingStatus('in_progress', 48)).toBe('completed');
  });

  it('cancels a pour that never had any, under way or not', () => {
    expect(closingStatus('in_progress', 0)).toBe('cancelled');
    for (const status of ['draft', 'confirmed', 'ready'] as const) expect(closingStatus(status, 0)).toBe('cancelled');
  });
});
