import { describe, expect, it } from '@jest/globals';
import { dueForTesting, latestTestOf, needsSiteTests } from './dueForTesting';
import { aLoad, aSiteTest } from './qcTestFactories';

const NOW = Date.parse('2030-05-01T08:30:00.000Z');

describe(dueForTesting.name, () => {
  it('lists a load at plant QC for its first plant test, with its age and time left', () => {
    const { plant, site } = dueForTesting([aLoad({ status: 'plant_qc' })], new Map(), NOW);
    expect(site).toEqual([]);
    expect(plant).toHaveLength(1);
    expect(plant[0]).toMatchObject({ stage: 'plant', kind: 'first', minutesSinceBatch: 30, minutesToDeadline: 60 });
  });

  it('lists a held load as a re-test after adjustment', () => {
    const { plant } = dueForTesting([aLoad({ status: 'held' })], new Map(), NOW);
    expect(plant[0]).toMatchObject({ stage: 'plant', kind: 'retest', checkTestOf: null });
  });

  it('leaves out loads that are on the road or done', () => {
    const loads = ['scheduled', 'loading', 'released', 'en_route', 'discharged', 'rejected'].map((status, index) =>
      aLoad({ id: `load-${index}`, status: status as never }),
    );
    const due = dueForTesting(loads, new Map(), NOW);
    expect(due.plant).toEqual([]);
    expect(due.site).toEqual([]);
  });

  it('lists an arrived load with no site test yet', () => {
    const load = aLoad({ status: 'on_site' });
    const { site } = dueForTesting([load], new Map([[load.id, null]]), NOW);
    expect(site[0]).toMatchObject({ stage: 'site', kind: 'first', checkTestOf: null });
  });

  it('waits for the site tests before saying an arrived load is due', () => {
    expect(dueForTesting([aLoad({ status: 'on_site' })], new Map(), NOW).site).toEqual([]);
  });

  it('asks for a check test on the same sample after a retest_required result', () => {
    const load = aLoad({ status: 'on_site' });
    const first = aSiteTest({ id: 'first', pass: false, outcome: 'retest_required' });
    const { site } = dueForTesting([load], new Map([[load.id, first]]), NOW);
    expect(site[0]).toMatchObject({ kind: 'check', checkTestOf: 'first' });
  });

  it('no longer lists a load the site accepted, by test or by override', () => {
    const accepted = aLoad({ id: 'a', status: 'on_site' });
    const overridden = aLoad({ id: 'b', status: 'discharging' });
    const tests = new Map([
      ['a', aSiteTest({ loadId: 'a', outcome: 'accepted' })],
      [
        'b',
        aSiteTest({
          loadId: 'b',
          pass: false,
          outcome: 'retest_required',
          override: { reason: 'sample disturbed by rain', byName: 'Q', at: '2030-05-01T08:41:00.000Z' },
        }),
      ],
    ]);
    expect(dueForTesting([accepted, overridden], tests, NOW).site).toEqual([]);
  });

  it('does not list a load its latest test rejected, even before the store hears it left', () => {
    const load = aLoad({ status: 'on_site' });
    const rejected = aSiteTest({ pass: false, outcome: 'rejected' });
    expect(dueForTesting([load], new Map([[load.id, rejected]]), NOW).site).toEqual([]);
  });

  it('puts loads flagged for arriving late first, then the nearest deadline', () => {
    const soon = aLoad({
      id: 'soon',
      ticketNumber: 'T-2',
      status: 'on_site',
      dischargeDeadline: '2030-05-01T08:40:00.000Z',
    });
    const later = aLoad({
      id: 'later',
      ticketNumber: 'T-1',
      status: 'on_site',
      dischargeDeadline: '2030-05-01T09:20:00.000Z',
    });
    const late = aLoad({
      id: 'late',
      ticketNumber: 'T-3',
      status: 'on_site',
      flaggedForQc: true,
      dischargeDeadline: '2030-05-01T08:20:00.000Z',
    });
    const tests = new Map([
      ['soon', null],
      ['later', null],
      ['late', null],
    ]);
    const { site } = dueForTesting([later, soon, late], tests, NOW);
    expect(site.map((due) => due.load.id)).toEqual(['late', 'soon', 'later']);
    expect(site[0]).toMatchObject({ flagged: true, minutesToDeadline: -10 });
  });
});

describe(latestTestOf.name, () => {
  it('picks the newest test of the stage asked for', () => {
    const tests = [
      aSiteTest({ id: 'plant', stage: 'plant', testedAt: '2030-05-01T08:50:00.000Z' }),
      aSiteTest({ id: 'old', testedAt: '2030-05-01T08:40:00.000Z' }),
      aSiteTest({ id: 'new', testedAt: '2030-05-01T08:45:00.000Z' }),
    ];
    expect(latestTestOf(tests, 'site')?.id).toBe('new');
    expect(latestTestOf(tests, 'plant')?.id).toBe('plant');
    expect(latestTestOf([], 'site')).toBeNull();
  });
});

describe(needsSiteTests.name, () => {
  it('is true only for loads on site or discharging', () => {
    expect(needsSiteTests(aLoad({ status: 'on_site' }))).toBe(true);
    expect(needsSiteTests(aLoad({ status: 'discharging' }))).toBe(true);
    expect(needsSiteTests(aLoad({ status: 'en_route' }))).toBe(false);
  });
});
