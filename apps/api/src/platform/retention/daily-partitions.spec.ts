import { DAYS_AHEAD, partitionDay, partitionName, planPartitions, utcDay } from './daily-partitions';

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
const names = (...dates: string[]) => dates.map((date) => partitionName('live_events', day(date)));
const iso = (days: Date[]) => days.map((value) => value.toISOString().slice(0, 10));

describe('daily partitions', () => {
  it('names a partition by its UTC day and reads the day back', () => {
    expect(partitionName('positions', day('2026-03-09'))).toBe('positions_p20260309');
    expect(partitionDay('positions', 'positions_p20260309')).toEqual(day('2026-03-09'));
  });

  it('reads no day from the default partition, another table or an impossible date', () => {
    expect(partitionDay('positions', 'positions_default')).toBeUndefined();
    expect(partitionDay('positions', 'live_events_p20260309')).toBeUndefined();
    expect(partitionDay('positions', 'positions_p20260231')).toBeUndefined();
  });

  it('takes the UTC day of an instant, whatever the local time zone', () => {
    expect(utcDay(new Date('2026-03-09T23:59:59.999+08:00'))).toEqual(day('2026-03-09'));
    expect(utcDay(new Date('2026-03-10T00:00:00.000Z'))).toEqual(day('2026-03-10'));
  });
});

describe(planPartitions.name, () => {
  const now = new Date('2026-03-31T10:00:00.000Z');

  it(`creates today and the ${DAYS_AHEAD} days after it when they are missing`, () => {
    const plan = planPartitions('live_events', now, 30, names('2026-03-31', '2026-04-01'), []);
    expect(iso(plan.create)).toEqual(['2026-04-02', '2026-04-03']);
    expect(plan.drop).toEqual([]);
  });

  it('drops only partitions wholly older than the retention, oldest first', () => {
    // 30 days before 2026-03-31 10:00 is 2026-03-01 10:00: that day still holds kept events.
    const existing = names('2026-03-01', '2026-02-28', '2026-02-27', '2026-03-31');
    const plan = planPartitions('live_events', now, 30, existing, []);
    expect(plan.drop.map((partition) => partition.name)).toEqual(names('2026-02-27', '2026-02-28'));
  });

  it('drops a day the moment its last instant passes the retention', () => {
    const existing = names('2026-03-01');
    expect(planPartitions('live_events', new Date('2026-03-31T23:59:59.999Z'), 30, existing, []).drop).toEqual([]);
    expect(planPartitions('live_events', new Date('2026-04-01T00:00:00.000Z'), 30, existing, []).drop).toEqual([
      { name: 'live_events_p20260301', day: day('2026-03-01') },
    ]);
  });

  it('gives a kept day found in the default partition its own partition, and purges an expired one', () => {
    const inDefault = [day('2026-03-20'), day('2025-01-01'), day('2026-03-31')];
    const plan = planPartitions('live_events', now, 30, names('2026-03-31'), inDefault);
    expect(iso(plan.create)).toEqual(['2026-03-20', '2026-04-01', '2026-04-02', '2026-04-03']);
    expect(iso(plan.purge)).toEqual(['2025-01-01']);
  });

  it('ignores partitions it did not name', () => {
    const plan = planPartitions('live_events', now, 30, ['live_events_default', 'live_events_archive'], []);
    expect(plan.drop).toEqual([]);
    expect(plan.create).toHaveLength(DAYS_AHEAD + 1);
  });
});
