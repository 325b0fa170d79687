import type { LoadStatus } from './load-status';
import { pourVolumes } from './load-status';
import { canSetRemainingVolume, plannedVolumeForRemaining } from './pour-remaining';

const load = (status: LoadStatus, volumeM3 = 8, rejected = false) => ({ status, volumeM3, rejected });

describe(plannedVolumeForRemaining.name, () => {
  it('plans what is delivered and in transit plus the last load', () => {
    const loads = [load('discharged'), load('back_at_plant'), load('en_route'), load('on_site', 6)];
    expect(plannedVolumeForRemaining(loads, 5)).toBe(8 + 8 + 8 + 6 + 5);
  });

  it('leaves exactly the last load remaining by the same rule the board uses', () => {
    const loads = [load('discharged', 7.3), load('discharging', 9.1), load('scheduled', 12)];
    const plannedM3 = plannedVolumeForRemaining(loads, 4.2);
    expect(pourVolumes(loads, plannedM3).remainingM3).toBeCloseTo(4.2, 9);
  });

  it('counts neither rejected nor held, disposed or scheduled loads', () => {
    const loads = [
      load('rejected', 8, true),
      load('held'),
      load('disposed'),
      load('scheduled'),
      load('discharged', 10),
    ];
    expect(plannedVolumeForRemaining(loads, 2)).toBe(12);
  });

  it('may end the pour with what is already on its way', () => {
    expect(plannedVolumeForRemaining([load('discharged', 10), load('en_route', 9)], 0)).toBe(19);
  });

  it('keeps binary noise out of the plan', () => {
    expect(plannedVolumeForRemaining([load('discharged', 0.1), load('discharged', 0.2)], 0)).toBe(0.3);
  });

  it('refuses a negative or unreadable last load', () => {
    expect(() => plannedVolumeForRemaining([], -1)).toThrow(RangeError);
    expect(() => plannedVolumeForRemaining([], Number.NaN)).toThrow(RangeError);
  });
});

describe(canSetRemainingVolume.name, () => {
  it('allows it only while the pour is in progress', () => {
    expect(canSetRemainingVolume('in_progress')).toBe(true);
    for (const status of ['draft', 'confirmed', 'ready', 'completed', 'cancelled'])
      expect(canSetRemainingVolume(status)).toBe(false);
  });
});
