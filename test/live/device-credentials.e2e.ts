import { adminSession, createPlant, expectCreated, unique } from '../support/factories';
import type { Http } from '../support/http';
import { ingest, newDeviceId, storedPositions, waitFor } from '../support/live-support';

/** A tracker may carry a secret; a pump's controller may report the pump's state with its positions. */
describe('Tracker secrets and pump controllers', () => {
  let admin: Http;
  let plantId: string;

  beforeAll(async () => {
    admin = await adminSession();
    plantId = (await createPlant(admin)).id;
  });

  const fix = (deviceId: string, extra: Record<string, string> = {}) => ({
    id: deviceId,
    lat: '31.905',
    lon: '118.805',
    timestamp: String(Date.now()),
    ...extra,
  });

  /** The registry learns new trackers within a second; wait until this one is known. */
  async function firstAccepted(fields: Record<string, string>) {
    return waitFor('the tracker to be known', async () => {
      const answer = await ingest.osmandGet({ ...fields, timestamp: String(Date.now()) });
      return answer.status === 404 ? undefined : answer;
    });
  }

  it('refuses a position without the tracker’s secret or with a wrong one, and stores nothing', async () => {
    const deviceId = newDeviceId();
    const truck = await expectCreated(
      admin.post('/trucks', {
        fleetNumber: unique('T'),
        plateNumber: unique('SU-S'),
        capacityM3: 12,
        homePlantId: plantId,
        trackerDeviceId: deviceId,
        trackerSecret: 'correct horse battery',
      }),
    );
    expect(truck).toMatchObject({ hasTrackerSecret: true });
    expect(JSON.stringify(truck)).not.toContain('correct horse');

    const missing = await firstAccepted(fix(deviceId));
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('device_secret_mismatch');
    expect((await ingest.osmandGet(fix(deviceId, { secret: 'wrong one!' }))).status).toBe(401);
    expect(await storedPositions(deviceId)).toHaveLength(0);

    expect((await ingest.osmandGet(fix(deviceId, { secret: 'correct horse battery' }))).status).toBe(200);
    expect((await ingest.osmandGet(fix(deviceId, { key: 'correct horse battery' }))).status).toBe(200);
    expect(await storedPositions(deviceId)).toHaveLength(2);
  });

  it('lets an administrator clear a secret', async () => {
    const deviceId = newDeviceId();
    const truck = await expectCreated(
      admin.post('/trucks', {
        fleetNumber: unique('T'),
        plateNumber: unique('SU-C'),
        capacityM3: 12,
        homePlantId: plantId,
        trackerDeviceId: deviceId,
        trackerSecret: 'to be cleared',
      }),
    );
    const cleared = await admin.patch(`/trucks/${truck.id}`, { trackerSecret: null });
    expect(cleared.body.hasTrackerSecret).toBe(false);
    expect((await firstAccepted(fix(deviceId))).status).toBe(200);
  });

  it('records a pump’s state reported by its controller, only when it changes', async () => {
    const deviceId = newDeviceId();
    const pump = await expectCreated(
      admin.post('/pumps', {
        code: unique('PC'),
        kind: 'boom',
        capacityM3PerHour: 120,
        boomLengthM: 47,
        homePlantId: plantId,
        trackerDeviceId: deviceId,
      }),
    );
    expect((await firstAccepted(fix(deviceId, { pumpStatus: 'setting_up' }))).status).toBe(200);
    await ingest.osmandGet(fix(deviceId, { pumpStatus: 'setting_up' }));
    await ingest.osmandGet(fix(deviceId, { pumpStatus: 'pumping' }));
    await ingest.osmandGet(fix(deviceId, { pumpStatus: 'not-a-state' }));
    const history = await waitFor('two pump states', async () => {
      const answer = await admin.get(`/pumps/${pump.id}/status-history`);
      return answer.body.length >= 2 ? answer.body : undefined;
    });
    expect(history.map((change: any) => change.status)).toEqual(['pumping', 'setting_up']);
    expect(history[0].byName).toBe(`tracker ${deviceId}`);
  });
});
