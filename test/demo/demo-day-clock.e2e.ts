import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { localDateInZone } from '@pourline/domain';
import { Client } from 'pg';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';

const ZONE = 'Asia/Shanghai';
const HOST = join(__dirname, 'fixtures/demo-clock-host.cjs');

/** Midnight at the start of `day` in Nanjing, which keeps +08:00 all year. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A demo left running over midnight, without waiting for the night: the built
 * API's demo day runs on a clock the test sets to just before midnight, then
 * moves past it, and the day keeper looks again.
 */
describe('The demo day at midnight, by the clock it is given', () => {
  let database: string;
  let sql: Client;
  const today = localDateInZone(new Date(), ZONE);
  const yesterday = localDateInZone(new Date(midnight(today).getTime() - 12 * 3600_000), ZONE);
  const beforeMidnight = (seconds: number) => new Date(midnight(today).getTime() - seconds * 1000).toISOString();
  const afterMidnight = (seconds: number) => new Date(midnight(today).getTime() + seconds * 1000).toISOString();

  function runDemo(...clockTimes: string[]): string {
    const run = spawnSync(process.execPath, [HOST, databaseUrl(database), ...clockTimes], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
  }

  const poursOf = async (day: string) =>
    (
      await sql.query<{ id: string; status: string }>(
        `SELECT pour.id, pour.status FROM pours pour JOIN plants plant ON plant.id = pour.plant_id
          WHERE (pour.scheduled_start AT TIME ZONE plant.time_zone)::date = $1 ORDER BY pour.scheduled_start`,
        [day],
      )
    ).rows;

  beforeAll(async () => {
    database = await createDatabase('pourline_midnight');
    sql = new Client({ connectionString: databaseUrl(database) });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    if (database) await dropDatabase(database);
  });

  it('plans the day the clock says it is, a minute before midnight', async () => {
    const log = runDemo(beforeMidnight(60));
    expect(log).toContain(`7 pours planned for ${yesterday}`);
    const planned = await poursOf(yesterday);
    expect(planned).toHaveLength(7);
    expect(planned.filter((pour) => pour.status === 'in_progress').length).toBeGreaterThanOrEqual(2);
    expect(await poursOf(today)).toEqual([]);
  }, 150_000);

  it('closes that day and plans the next once the clock, still running, passes midnight', async () => {
    const log = runDemo(beforeMidnight(30), afterMidnight(30));
    // At half a minute to midnight the day is already planned: nothing more is.
    expect(log).not.toContain(`pours planned for ${yesterday}`);
    const closed = await poursOf(yesterday);
    expect(closed).toHaveLength(7);
    for (const pour of closed) expect(['completed', 'cancelled']).toContain(pour.status);
    const open = await sql.query(
      `SELECT load.id FROM loads load
        WHERE load.pour_id = ANY($1) AND load.status NOT IN ('back_at_plant', 'disposed', 'cancelled')`,
      [closed.map((pour) => pour.id)],
    );
    expect(open.rows).toEqual([]);
    expect(await poursOf(today)).toHaveLength(7);
    expect(log).toContain(`7 pours planned for ${today}`);
    expect(log).toContain("a past day's pour");
  }, 150_000);
});
