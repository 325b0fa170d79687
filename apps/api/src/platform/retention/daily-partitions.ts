/**
 * Which daily partitions a time-partitioned table should have: one per UTC
 * day, named `<table>_pYYYYMMDD` and bounded [midnight, next midnight), as the
 * migration that partitioned the tables made them. Pure, so the rules are
 * tested without a database.
 */
export const DAY_MS = 86_400_000;

/** Partitions exist for today and this many days after, so a day never starts without one. */
export const DAYS_AHEAD = 3;

export function utcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function nextDay(day: Date): Date {
  return new Date(day.getTime() + DAY_MS);
}

export function partitionName(table: string, day: Date): string {
  return `${table}_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The day a partition of `table` holds, or undefined for the default partition or anything else. */
export function partitionDay(table: string, name: string): Date | undefined {
  const match = /^(.+)_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  if (!match || match[1] !== table) return undefined;
  const day = new Date(`${match[2]}-${match[3]}-${match[4]}T00:00:00.000Z`);
  return Number.isNaN(day.getTime()) || partitionName(table, day) !== name ? undefined : day;
}

export interface PartitionPlan {
  /** Days to give a partition, oldest first (moving in any rows the default partition holds for them). */
  create: Date[];
  /** Partitions wholly older than the retention, oldest first: dropped whole. */
  drop: { name: string; day: Date }[];
  /** Days the default partition holds rows for that are wholly older than the retention: deleted. */
  purge: Date[];
}

/**
 * A day is kept while any instant of it is within `retentionDays` of `now`,
 * so nothing younger than the retention is ever removed.
 */
export function planPartitions(
  table: string,
  now: Date,
  retentionDays: number,
  existing: readonly string[],
  daysInDefault: readonly Date[],
): PartitionPlan {
  const cutoffMs = now.getTime() - retentionDays * DAY_MS;
  const kept = (day: Date) => nextDay(day).getTime() > cutoffMs;
  const have = new Map<number, string>();
  for (const name of existing) {
    const day = partitionDay(table, name);
    if (day) have.set(day.getTime(), name);
  }

  const wanted = new Set<number>();
  const today = utcDay(now);
  for (let ahead = 0; ahead <= DAYS_AHEAD; ahead++) wanted.add(today.getTime() + ahead * DAY_MS);
  for (const day of daysInDefault) if (kept(day)) wanted.add(utcDay(day).getTime());

  const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
  return {
    create: [...wanted]
      .filter((time) => !have.has(time))
      .map((time) => new Date(time))
      .sort(byTime),
    drop: [...have]
      .map(([time, name]) => ({ name, day: new Date(time) }))
      .filter(({ day }) => !kept(day))
      .sort((a, b) => byTime(a.day, b.day)),
    purge: daysInDefault
      .map(utcDay)
      .filter((day) => !kept(day))
      .sort(byTime),
  };
}
