import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { LoadDto, NonConformanceDto, PourDto, QcTestDto } from '@pourline/contracts';
import { adminSession } from '../support/factories';
import { databaseUrl } from '../support/database';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  getLoad,
  type LoadCrew,
  loadOnSite,
  pourLoads,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';

/**
 * A rejection is one transaction: the load's new state, the QC test, the
 * replacement load and the non-conformance record are all stored or none is.
 * A trigger on the real e2e database makes the last write fail, for this one
 * load only, so suites running beside this one are not affected.
 */
describe('Site rejection atomicity', () => {
  let crew: LoadCrew;
  let pour: PourDto;
  let load: LoadDto;
  let database: Client;
  const suffix = randomBytes(4).toString('hex');
  const functionName = `e2e_fail_nc_${suffix}`;
  const triggerName = `e2e_fail_nc_trigger_${suffix}`;

  async function dropTrigger() {
    await database.query(`DROP TRIGGER IF EXISTS ${triggerName} ON non_conformances`);
    await database.query(`DROP FUNCTION IF EXISTS ${functionName}()`);
  }

  beforeAll(async () => {
    const name = process.env.POURLINE_E2E_DATABASE;
    if (!name) throw new Error('POURLINE_E2E_DATABASE is not set: run through the e2e Jest project');
    database = new Client({ connectionString: databaseUrl(name) });
    await database.connect();

    const admin = await adminSession();
    crew = await createCrew(admin);
    const world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
    load = await loadOnSite(crew, pour);
    await scheduleLoad(crew, pour);

    // The load id is a UUID the API made, so it is safe to write into the function body.
    expect(load.id).toMatch(/^[0-9a-f-]{36}$/);
    await database.query(`
      CREATE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.load_id::text = '${load.id}' THEN
          RAISE EXCEPTION 'e2e: forced failure while opening a non-conformance';
        END IF;
        RETURN NEW;
      END
      $$`);
    await database.query(
      `CREATE TRIGGER ${triggerName} BEFORE INSERT ON non_conformances
       FOR EACH ROW EXECUTE FUNCTION ${functionName}()`,
    );
  });

  afterAll(async () => {
    if (database) {
      await dropTrigger().catch(() => undefined);
      await database.end();
    }
  });

  it('leaves nothing half-done when opening the non-conformance fails, and completes once it can', async () => {
    const loadsBefore = await pourLoads(crew.dispatcher, pour.id);
    const testsBefore = (await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body;
    expect(testsBefore.map((test) => test.stage)).toEqual(['plant']);

    const failed = await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM, temperatureC: 20 });
    expect(failed.status).toBeGreaterThanOrEqual(500);

    const after = await getLoad(crew.dispatcher, load.id);
    expect(after.status).toBe('on_site');
    expect(after.rejected).toBe(false);
    const loadsAfter = await pourLoads(crew.dispatcher, pour.id);
    expect(loadsAfter.loads.map((entry) => entry.id)).toEqual(loadsBefore.loads.map((entry) => entry.id));
    expect(loadsAfter.loads.some((entry) => entry.replacesLoadId === load.id)).toBe(false);
    expect(loadsAfter.volumes).toEqual(loadsBefore.volumes);
    const records = await crew.dispatcher.get<NonConformanceDto[]>(`/pours/${pour.id}/non-conformances`);
    expect(records.status).toBe(200);
    expect(records.body).toEqual([]);
    const testsAfter = (await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body;
    expect(testsAfter.map((test) => test.id)).toEqual(testsBefore.map((test) => test.id));
    const events = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body as { toStatus: string }[];
    expect(events.map((event) => event.toStatus)).not.toContain('rejected');

    await dropTrigger();

    const retried = await recordQcTest(crew.qc, load.id, {
      stage: 'site',
      slumpMm: FAILING_SLUMP_MM,
      temperatureC: 20,
    });
    expect(retried.status).toBe(201);
    expect(retried.body.outcome).toBe('rejected');
    const rejected = await getLoad(crew.dispatcher, load.id);
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejected).toBe(true);
    const { loads } = await pourLoads(crew.dispatcher, pour.id);
    const replacements = loads.filter((entry) => entry.replacesLoadId === load.id);
    expect(replacements).toHaveLength(1);
    const opened = (await crew.dispatcher.get<NonConformanceDto[]>(`/pours/${pour.id}/non-conformances`)).body;
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      loadId: load.id,
      qcTestId: retried.body.id,
      replacementLoadId: replacements[0].id,
    });
    const testsFinal = (await crew.qc.get<QcTestDto[]>(`/loads/${load.id}/qc-tests`)).body;
    expect(testsFinal).toHaveLength(2);
  });
});
