import { describe, expect, it } from '@jest/globals';
import { FixedClock } from '../../platform/clock/clock';
import { RegisteredTrackers } from './registered-trackers';
import type { RegisteredDevice } from './tracking.repository';

const start = new Date('2030-05-14T08:00:00Z');

function truck(deviceId: string, label = deviceId): RegisteredDevice {
  return { deviceId, entityType: 'truck', entityId: `id-${deviceId}`, label, secretHash: null };
}

/** The registered trackers as the database would list them, each read held until released. */
class TrackerList {
  devices: RegisteredDevice[] = [];
  reads = 0;
  failNext = false;
  private pending: (() => void)[] = [];

  registeredDevices(): Promise<RegisteredDevice[]> {
    this.reads += 1;
    const listed = [...this.devices];
    const fail = this.failNext;
    this.failNext = false;
    return new Promise((resolve, reject) =>
      this.pending.push(() => (fail ? reject(new Error('connection refused')) : resolve(listed))),
    );
  }

  /** Lets every read in flight answer, and waits until their answers are taken in. */
  async answer(): Promise<void> {
    for (const release of this.pending.splice(0)) release();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function registry(list: TrackerList, clock: FixedClock): RegisteredTrackers {
  return new RegisteredTrackers(
    () => list.registeredDevices(),
    clock,
    () => undefined,
  );
}

/** A registry that has read `devices` once, with the list and clock it reads them through. */
async function loaded(devices: RegisteredDevice[]) {
  const list = new TrackerList();
  list.devices = devices;
  const clock = new FixedClock(start);
  const trackers = registry(list, clock);
  const found = trackers.find('none');
  await list.answer();
  await found;
  return { list, clock, devices: trackers };
}

describe(RegisteredTrackers.name, () => {
  it('answers from memory past its freshness and reads the list again in the background, once', async () => {
    const { list, clock, devices } = await loaded([truck('trk-1', 'T-01')]);
    expect(list.reads).toBe(1);

    clock.set(new Date(start.getTime() + 10_001));
    list.devices = [truck('trk-1', 'T-01 renamed')];
    // Stale: still answered, with no fix waiting for the read it starts.
    expect(devices.known('trk-1')?.label).toBe('T-01');
    expect(devices.known('trk-1')?.label).toBe('T-01');
    expect(list.reads).toBe(2);
    await list.answer();
    expect(devices.known('trk-1')?.label).toBe('T-01 renamed');
    expect(list.reads).toBe(2);
  });

  it('keeps answering from memory when a background read fails, and tries again a second later', async () => {
    const { list, clock, devices } = await loaded([truck('trk-1')]);

    clock.set(new Date(start.getTime() + 10_001));
    list.failNext = true;
    expect(devices.known('trk-1')).toEqual(truck('trk-1'));
    await list.answer();
    expect(devices.known('trk-1')).toEqual(truck('trk-1'));
    expect(list.reads).toBe(2);
    clock.set(new Date(start.getTime() + 11_002));
    list.devices = [truck('trk-1', 'T-01 renamed')];
    devices.known('trk-1');
    expect(list.reads).toBe(3);
    await list.answer();
    expect(devices.known('trk-1')?.label).toBe('T-01 renamed');
  });

  it('answers nothing from a list it has not read for a minute, and then fails with the database', async () => {
    const { list, clock, devices } = await loaded([truck('trk-1')]);

    clock.set(new Date(start.getTime() + 60_001));
    expect(devices.known('trk-1')).toBeUndefined();
    list.failNext = true;
    const refused = expect(devices.find('trk-1')).rejects.toThrow('connection refused');
    await list.answer();
    await refused;
    expect(devices.known('trk-1')).toBeUndefined();
  });

  it('reads a missing tracker at most once a second', async () => {
    const { list, clock, devices } = await loaded([]);
    list.devices = [truck('trk-new')];

    await expect(devices.find('trk-new')).resolves.toBeUndefined();
    expect(list.reads).toBe(1);
    clock.set(new Date(start.getTime() + 1_001));
    const found = devices.find('trk-new');
    await list.answer();
    expect(await found).toEqual(truck('trk-new'));
  });

  it('answers nothing from memory once a change is announced, until a read begun after it answers', async () => {
    const { list, devices } = await loaded([truck('trk-1')]);

    list.devices = [];
    devices.changed();
    // Within its freshness, yet the truck just deactivated is not answered from memory.
    expect(devices.known('trk-1')).toBeUndefined();
    const found = devices.find('trk-1');
    expect(list.reads).toBe(2);
    await list.answer();
    await expect(found).resolves.toBeUndefined();
    expect(devices.known('trk-1')).toBeUndefined();
    expect(list.reads).toBe(2);
  });

  it('does not trust a read begun before a change: the change waits for the read after it', async () => {
    const { list, clock, devices } = await loaded([truck('trk-1')]);

    clock.set(new Date(start.getTime() + 10_001));
    expect(devices.known('trk-1')).toEqual(truck('trk-1'));
    expect(list.reads).toBe(2);
    // The secret is replaced while that background read is in flight.
    const replaced = { ...truck('trk-1'), secretHash: 'new-secret-hash' };
    list.devices = [replaced];
    devices.changed();
    const found = devices.find('trk-1');
    await list.answer();
    expect(devices.known('trk-1')).toBeUndefined();
    expect(list.reads).toBe(3);
    await list.answer();
    await expect(found).resolves.toEqual(replaced);
    expect(devices.known('trk-1')).toEqual(replaced);
  });
});
