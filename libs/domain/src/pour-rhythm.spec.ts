import {
  coldJointLimitMinutes,
  measuredRate,
  plannedRate,
  pourRhythm,
  requestInForce,
  type RhythmInput,
} from './pour-rhythm';

const start = new Date('2026-11-30T02:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const discharge = (from: number, to: number | null, volumeM3 = 12) => ({
  volumeM3,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});

const base: RhythmInput = {
  plannedVolumeM3: 120,
  plannedRateM3PerHour: 60,
  pumpCapacityM3PerHour: null,
  scheduledStart: start,
  placedM3: 0,
  discharges: [],
  requests: [],
  arrivals: [],
  typicalLoadM3: 12,
  initialSettingMinutes: 180,
  coldJointLimitMinutes: null,
  now: at(-30),
};

describe(coldJointLimitMinutes.name, () => {
  it('is the initial setting time less the 30-minute safety margin', () => {
    expect(coldJointLimitMinutes(180, null)).toBe(150);
  });

  it('is the pour’s own limit when it has one', () => {
    expect(coldJointLimitMinutes(180, 45)).toBe(45);
  });

  it('never goes below zero for a very fast-setting mix', () => {
    expect(coldJointLimitMinutes(20, null)).toBe(0);
  });
});

describe(plannedRate.name, () => {
  it('is the plan’s rate when the pump can do it', () => {
    expect(plannedRate(60, 120)).toEqual({ rateM3PerHour: 60, source: 'plan' });
  });

  it('is the pump’s rated output when the plan asks for more', () => {
    expect(plannedRate(90, 80)).toEqual({ rateM3PerHour: 80, source: 'pump' });
  });
});

describe(measuredRate.name, () => {
  it('needs two finished discharges', () => {
    expect(measuredRate([discharge(0, 12)])).toBeNull();
    expect(measuredRate([discharge(0, 12), discharge(14, null)])).toBeNull();
  });

  it('is volume over the minutes the drums took to empty, gaps between trucks left out', () => {
    // 24 m³ in 12 + 12 minutes of discharge = 60 m³/h, though the second truck came 20 minutes late.
    expect(measuredRate([discharge(0, 12), discharge(32, 44)])).toEqual({ rateM3PerHour: 60, loads: 2 });
  });

  it('follows a pour whose rate doubles within three trucks', () => {
    const slow = [discharge(0, 12), discharge(12, 24), discharge(24, 36)];
    const fast = [discharge(36, 42), discharge(42, 48), discharge(48, 54)];
    expect(measuredRate(slow)?.rateM3PerHour).toBe(60);
    expect(measuredRate([...slow, fast[0]])?.rateM3PerHour).toBeCloseTo(36 / (30 / 60));
    expect(measuredRate([...slow, ...fast])?.rateM3PerHour).toBe(120);
  });
});

describe(requestInForce.name, () => {
  it('is the latest request, and nothing after a resume', () => {
    expect(requestInForce([{ kind: 'slow_down', at: at(5) }])?.kind).toBe('slow_down');
    expect(
      requestInForce([
        { kind: 'resume', at: at(9) },
        { kind: 'hold', at: at(5) },
      ]),
    ).toBeNull();
  });
});

describe(pourRhythm.name, () => {
  it('paces to the plan before the first truck: 12 m³ at 60 m³/h is a truck every 12 minutes', () => {
    const rhythm = pourRhythm(base);
    expect(rhythm.rateSource).toBe('plan');
    expect(rhythm.targetIntervalMinutes).toBe(12);
    // Nothing on the way: the pump would start at 02:00 and finish 120 m³ two hours later.
    expect(rhythm.projectedFinishAt).toEqual(at(120));
    expect(rhythm.uncoveredM3).toBe(120);
    expect(rhythm.coldJointLimitMinutes).toBe(150);
  });

  it('halves the interval once the pump shows it places twice as fast', () => {
    const rhythm = pourRhythm({
      ...base,
      placedM3: 72,
      discharges: [
        discharge(0, 12),
        discharge(12, 24),
        discharge(24, 36),
        discharge(36, 42),
        discharge(42, 48),
        discharge(48, 54),
      ],
      now: at(54),
    });
    expect(rhythm.rateSource).toBe('measured');
    expect(rhythm.measuredRateM3PerHour).toBe(120);
    expect(rhythm.targetIntervalMinutes).toBe(6);
    // 48 m³ left at 120 m³/h: 24 minutes.
    expect(rhythm.projectedFinishAt).toEqual(at(78));
  });

  it('projects the pump’s idle minutes from the trucks on their way', () => {
    const rhythm = pourRhythm({
      ...base,
      placedM3: 24,
      discharges: [discharge(0, 12), discharge(12, 24), discharge(24, null)],
      // Discharging since 24: done at 36. The next truck comes at 40, the one after at 70.
      arrivals: [
        { arrivesAt: at(40), volumeM3: 12 },
        { arrivesAt: at(70), volumeM3: 12 },
      ],
      now: at(30),
    });
    expect(rhythm.gaps.map((gap) => [gap.startsAt, gap.minutes])).toEqual([
      [at(36), 4],
      [at(52), 18],
    ]);
    expect(rhythm.worstGapMinutes).toBe(18);
    expect(rhythm.coldJointRisk).toBe(false);
    expect(rhythm.uncoveredM3).toBe(60);
  });

  it('threatens a cold joint when a gap outlasts the pour’s limit', () => {
    const input = {
      ...base,
      placedM3: 12,
      discharges: [discharge(0, 12), discharge(12, 24)],
      arrivals: [{ arrivesAt: at(80), volumeM3: 12 }],
      now: at(24),
      coldJointLimitMinutes: 45,
    };
    const rhythm = pourRhythm(input);
    expect(rhythm.worstGapMinutes).toBe(56);
    expect(rhythm.coldJointRisk).toBe(true);
    expect(pourRhythm({ ...input, coldJointLimitMinutes: 60 }).coldJointRisk).toBe(false);
  });

  it('opens a gap when a load is rejected mid-pour and its replacement is an hour away', () => {
    // The truck due at 26 was rejected: it is no longer among the arrivals, its replacement comes at 86.
    const rhythm = pourRhythm({
      ...base,
      placedM3: 24,
      discharges: [discharge(0, 12), discharge(13, 25)],
      arrivals: [{ arrivesAt: at(86), volumeM3: 12 }],
      initialSettingMinutes: 90,
      now: at(30),
    });
    expect(rhythm.gaps).toEqual([{ startsAt: at(30), minutes: 56, afterPlacing: true }]);
    expect(rhythm.coldJointLimitMinutes).toBe(60);
    expect(rhythm.coldJointRisk).toBe(false);
    const later = pourRhythm({
      ...base,
      placedM3: 24,
      discharges: [discharge(0, 12), discharge(13, 25)],
      arrivals: [{ arrivesAt: at(95), volumeM3: 12 }],
      initialSettingMinutes: 90,
      now: at(30),
    });
    expect(later.coldJointRisk).toBe(true);
  });

  it('does not count waiting for the first truck as a gap that threatens a joint', () => {
    const rhythm = pourRhythm({ ...base, arrivals: [{ arrivesAt: at(200), volumeM3: 12 }] });
    expect(rhythm.gaps[0]).toMatchObject({ minutes: 200, afterPlacing: false });
    expect(rhythm.coldJointRisk).toBe(false);
  });

  it('slows to three quarters on the site’s request, until the pump shows the new pace', () => {
    const discharges = [discharge(0, 12), discharge(12, 24)];
    const slowed = pourRhythm({
      ...base,
      placedM3: 24,
      discharges,
      requests: [{ kind: 'slow_down', at: at(25) }],
      now: at(26),
    });
    expect(slowed.request).toBe('slow_down');
    expect(slowed.rateM3PerHour).toBe(45);
    expect(slowed.targetIntervalMinutes).toBe(16);
    const shown = pourRhythm({
      ...base,
      placedM3: 48,
      discharges: [...discharges, discharge(26, 44), discharge(44, 62)],
      requests: [{ kind: 'slow_down', at: at(25) }],
      now: at(62),
    });
    expect(shown.rateM3PerHour).toBe(40);
    expect(shown.targetIntervalMinutes).toBe(18);
  });

  it('stops the rhythm while the site holds, and takes it up again on resume', () => {
    const held = pourRhythm({ ...base, requests: [{ kind: 'hold', at: at(-40) }] });
    expect(held).toMatchObject({ held: true, rateM3PerHour: 0, targetIntervalMinutes: null, projectedFinishAt: null });
    const resumed = pourRhythm({
      ...base,
      requests: [
        { kind: 'hold', at: at(-40) },
        { kind: 'resume', at: at(-35) },
      ],
    });
    expect(resumed.held).toBe(false);
    expect(resumed.targetIntervalMinutes).toBe(12);
  });

  it('lets a truck already waiting on site start as soon as the pump is free', () => {
    const rhythm = pourRhythm({
      ...base,
      placedM3: 12,
      discharges: [discharge(0, 12), discharge(12, null)],
      arrivals: [{ arrivesAt: at(10), volumeM3: 12, onSite: true }],
      now: at(20),
    });
    expect(rhythm.gaps).toEqual([]);
    expect(rhythm.uncoveredM3).toBe(84);
  });

  it('refuses a pour without volume or a rate of zero', () => {
    expect(() => pourRhythm({ ...base, plannedVolumeM3: 0 })).toThrow(RangeError);
    expect(() => pourRhythm({ ...base, plannedRateM3PerHour: 0 })).toThrow(RangeError);
  });
});
