import {
  AT_PLANT_STATUSES,
  NOT_RELEASED_STATUSES,
  TRUCK_BUSY_STATUSES,
  TRUCK_COMMITTED_STATUSES,
  canDivertLoad,
  canTransitionLoad,
  isLoadStatus,
  isLoadTerminal,
  LOAD_STATUSES,
  loadTransitionsFrom,
  pourVolumes,
  statusAfterDiversion,
  type LoadStatus,
} from './load-status';

describe(canTransitionLoad.name, () => {
  it.each([
    ['scheduled', 'loading'],
    ['loading', 'plant_qc'],
    ['plant_qc', 'released'],
    ['released', 'en_route'],
    ['en_route', 'on_site'],
    ['on_site', 'discharging'],
    ['discharging', 'discharged'],
    ['discharged', 'returning'],
    ['returning', 'back_at_plant'],
  ] as const)('follows the truck cycle from %s to %s', (from, to) => {
    expect(canTransitionLoad(from, to)).toBe(true);
  });

  it('holds a load that fails at the plant, and re-tests or disposes of it', () => {
    expect(canTransitionLoad('plant_qc', 'held')).toBe(true);
    expect(canTransitionLoad('held', 'plant_qc')).toBe(true);
    expect(canTransitionLoad('held', 'disposed')).toBe(true);
  });

  it('never sends a held load', () => {
    expect(canTransitionLoad('held', 'released')).toBe(false);
    expect(canTransitionLoad('held', 'en_route')).toBe(false);
  });

  it('rejects on site while waiting or discharging, and the truck goes back with its load', () => {
    expect(canTransitionLoad('on_site', 'rejected')).toBe(true);
    expect(canTransitionLoad('discharging', 'rejected')).toBe(true);
    expect(canTransitionLoad('rejected', 'returning_with_load')).toBe(true);
    expect(canTransitionLoad('returning_with_load', 'back_at_plant')).toBe(true);
  });

  it('does not reject a load that has been fully discharged', () => {
    expect(canTransitionLoad('discharged', 'rejected')).toBe(false);
  });

  it('does not reject a load before it reaches the site', () => {
    expect(canTransitionLoad('en_route', 'rejected')).toBe(false);
  });

  it('cancels a load only before it has passed plant QC', () => {
    const cancellable = LOAD_STATUSES.filter((from) => canTransitionLoad(from, 'cancelled'));
    expect(cancellable).toEqual(['scheduled', 'loading']);
  });

  it('cannot skip plant QC', () => {
    expect(canTransitionLoad('loading', 'released')).toBe(false);
  });

  it('puts an on-site load back on the road when it is diverted', () => {
    expect(canTransitionLoad('on_site', 'en_route')).toBe(true);
  });

  it('calls a load on the road back with its concrete when its pour stops', () => {
    expect(canTransitionLoad('en_route', 'returning_with_load')).toBe(true);
  });
});

describe(isLoadTerminal.name, () => {
  it('ends the cycle at back at plant, disposed or cancelled', () => {
    expect(LOAD_STATUSES.filter(isLoadTerminal)).toEqual(['disposed', 'back_at_plant', 'cancelled']);
  });
});

describe(loadTransitionsFrom.name, () => {
  it('lists where a held load may go', () => {
    expect(loadTransitionsFrom('held')).toEqual(['plant_qc', 'disposed']);
  });

  it('gives every status an entry', () => {
    for (const status of LOAD_STATUSES) expect(Array.isArray(loadTransitionsFrom(status))).toBe(true);
  });

  it('only leads to statuses it knows', () => {
    for (const status of LOAD_STATUSES) expect(loadTransitionsFrom(status).every(isLoadStatus)).toBe(true);
  });

  it('lists nothing for a status it does not know', () => {
    expect(loadTransitionsFrom('teleported' as LoadStatus)).toEqual([]);
  });
});

describe(canDivertLoad.name, () => {
  it.each(LOAD_STATUSES)('says whether a %s load can go to another pour', (status) => {
    expect(canDivertLoad(status)).toBe(['released', 'en_route', 'on_site'].includes(status));
  });
});

describe(statusAfterDiversion.name, () => {
  it('keeps a released load released and puts the others en route', () => {
    expect(statusAfterDiversion('released')).toBe('released');
    expect(statusAfterDiversion('en_route')).toBe('en_route');
    expect(statusAfterDiversion('on_site')).toBe('en_route');
  });

  it('refuses to divert a load that is already discharging', () => {
    expect(() => statusAfterDiversion('discharging')).toThrow(RangeError);
  });
});

describe(pourVolumes.name, () => {
  const load = (status: LoadStatus, volumeM3 = 8, rejected = false) => ({ status, volumeM3, rejected });

  it('leaves the whole plan remaining before any load is sent', () => {
    expect(pourVolumes([load('scheduled'), load('plant_qc')], 40)).toEqual({
      deliveredM3: 0,
      inTransitM3: 0,
      rejectedM3: 0,
      remainingM3: 40,
    });
  });

  it('counts discharged, returning and back-at-plant loads as delivered', () => {
    const loads = [load('discharged'), load('returning'), load('back_at_plant')];
    expect(pourVolumes(loads, 40)).toMatchObject({ deliveredM3: 24, remainingM3: 16 });
  });

  it('counts released, en-route, on-site and discharging loads as in transit', () => {
    const loads = [load('released'), load('en_route'), load('on_site'), load('discharging')];
    expect(pourVolumes(loads, 40)).toMatchObject({ inTransitM3: 32, remainingM3: 8 });
  });

  it('counts a rejected load as rejected through its trip home, not as delivered', () => {
    const loads = [load('rejected', 8, true), load('returning_with_load', 8, true), load('back_at_plant', 8, true)];
    expect(pourVolumes(loads, 40)).toEqual({ deliveredM3: 0, inTransitM3: 0, rejectedM3: 24, remainingM3: 40 });
  });

  it('counts a load in rejected status as rejected even if its flag was not set', () => {
    expect(pourVolumes([load('rejected')], 40).rejectedM3).toBe(8);
  });

  it('counts neither held, disposed, cancelled nor called-back loads', () => {
    const loads = [load('held'), load('disposed'), load('cancelled'), load('returning_with_load')];
    expect(pourVolumes(loads, 40)).toEqual({ deliveredM3: 0, inTransitM3: 0, rejectedM3: 0, remainingM3: 40 });
  });

  it('never gives a negative remaining volume', () => {
    expect(pourVolumes([load('discharged', 10), load('en_route', 10)], 15).remainingM3).toBe(0);
  });

  it('refuses a negative volume', () => {
    expect(() => pourVolumes([load('discharged', -1)], 15)).toThrow(RangeError);
    expect(() => pourVolumes([], -1)).toThrow(RangeError);
  });
});

describe('status groups', () => {
  it('keeps a truck busy from loading until it is back or the load ended, never in a terminal state', () => {
    for (const status of TRUCK_BUSY_STATUSES) expect(isLoadTerminal(status)).toBe(false);
    const free = LOAD_STATUSES.filter((status) => !TRUCK_BUSY_STATUSES.includes(status));
    expect(free).toEqual(['scheduled', 'disposed', 'back_at_plant', 'cancelled']);
    expect(TRUCK_COMMITTED_STATUSES).toEqual(['scheduled', ...TRUCK_BUSY_STATUSES]);
  });

  it('counts as at the plant what has not left it, and as not released what may still be cancelled or held', () => {
    for (const status of AT_PLANT_STATUSES) expect(TRUCK_COMMITTED_STATUSES).toContain(status);
    expect(AT_PLANT_STATUSES.filter((status) => !NOT_RELEASED_STATUSES.includes(status))).toEqual(['released']);
  });
});
