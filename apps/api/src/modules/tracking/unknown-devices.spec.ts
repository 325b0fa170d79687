import { describe, expect, it } from '@jest/globals';
import { FixedClock } from '../../platform/clock/clock';
import { MAX_UNKNOWN_DEVICES, UnknownDevices } from './unknown-devices';

describe(UnknownDevices.name, () => {
  const start = new Date('2030-05-14T08:00:00Z');

  it('counts each unknown id with when it was first and last seen, latest first', () => {
    const clock = new FixedClock(start);
    const devices = new UnknownDevices(clock);
    devices.count('trk-a');
    clock.set(new Date('2030-05-14T08:01:00Z'));
    devices.count('trk-b');
    clock.set(new Date('2030-05-14T08:02:00Z'));
    devices.count('trk-a');
    expect(devices.list(() => false)).toEqual([
      { deviceId: 'trk-a', firstSeenAt: start.toISOString(), lastSeenAt: '2030-05-14T08:02:00.000Z', attempts: 2 },
      {
        deviceId: 'trk-b',
        firstSeenAt: '2030-05-14T08:01:00.000Z',
        lastSeenAt: '2030-05-14T08:01:00.000Z',
        attempts: 1,
      },
    ]);
  });

  it('keeps at most its bound, dropping the id seen longest ago', () => {
    const devices = new UnknownDevices(new FixedClock(start));
    devices.count('first');
    devices.count('kept');
    for (let index = 0; index < MAX_UNKNOWN_DEVICES; index += 1) {
      if (index === 10) devices.count('kept');
      devices.count(`flood-${index}`);
    }
    const ids = devices.list(() => false).map((device) => device.deviceId);
    expect(ids).toHaveLength(MAX_UNKNOWN_DEVICES);
    expect(ids).not.toContain('first');
    expect(ids).toContain('kept');
  });

  it('leaves out an id registered since', () => {
    const devices = new UnknownDevices(new FixedClock(start));
    devices.count('trk-now-registered');
    expect(devices.list((deviceId) => deviceId === 'trk-now-registered')).toEqual([]);
  });
});
