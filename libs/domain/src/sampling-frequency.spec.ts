import { isLoadDueForSampling, requiredSpecimenSets, specimenSetsRequiredForVolume } from './sampling-frequency';

describe(specimenSetsRequiredForVolume.name, () => {
  it.each([
    [0, 0],
    [0.5, 1],
    [100, 1],
    [100.5, 2],
    [200, 2],
    [999, 10],
    [1000, 10],
    [1001, 11],
    [1150, 12],
  ])('asks for %p m³ of an ordinary pour: %p sets', (volumeM3, sets) => {
    expect(specimenSetsRequiredForVolume(volumeM3, false)).toBe(sets);
  });

  it.each([
    [1000, 10],
    [1000.5, 11],
    [1200, 11],
    [1200.5, 12],
    [1400, 12],
    [2000, 15],
  ])('asks for %p m³ of a continuous pour: %p sets, 1 per 200 m³ above 1,000 m³', (volumeM3, sets) => {
    expect(specimenSetsRequiredForVolume(volumeM3, true)).toBe(sets);
  });

  it('does not count a floating-point crumb past 100 m³ as a new interval', () => {
    const twelveLoads = Array.from({ length: 12 }, () => 8.333333333333334).reduce((sum, v) => sum + v, 0);
    expect(specimenSetsRequiredForVolume(twelveLoads, false)).toBe(1);
  });

  it.each([-1, NaN])('refuses a volume of %p', (volumeM3) => {
    expect(() => specimenSetsRequiredForVolume(volumeM3, false)).toThrow(RangeError);
  });
});

describe(requiredSpecimenSets.name, () => {
  it('asks for one set for a small pour in one shift', () => {
    expect(requiredSpecimenSets({ plannedVolumeM3: 24, continuous: false })).toBe(1);
  });

  it('asks for one per shift when the shifts outnumber the volume intervals', () => {
    expect(requiredSpecimenSets({ plannedVolumeM3: 150, continuous: false, shifts: 3 })).toBe(3);
  });

  it('asks for one per 100 m³ when the volume outnumbers the shifts', () => {
    expect(requiredSpecimenSets({ plannedVolumeM3: 650, continuous: false, shifts: 2 })).toBe(7);
  });

  it('asks for 15 sets for a continuous 2,000 m³ raft and 20 if it is not continuous', () => {
    expect(requiredSpecimenSets({ plannedVolumeM3: 2000, continuous: true, shifts: 2 })).toBe(15);
    expect(requiredSpecimenSets({ plannedVolumeM3: 2000, continuous: false, shifts: 2 })).toBe(20);
  });

  it.each([0, 1.5, -1])('refuses %p shifts', (shifts) => {
    expect(() => requiredSpecimenSets({ plannedVolumeM3: 100, continuous: false, shifts })).toThrow(RangeError);
  });
});

describe(isLoadDueForSampling.name, () => {
  const midShift = { loadVolumeM3: 10, continuous: false, isFirstLoadOfShift: false };

  it('samples the first load of the pour', () => {
    expect(
      isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 0, setsTakenSoFar: 0, isFirstLoadOfShift: true }),
    ).toBe(true);
  });

  it('does not sample a load that stays inside an interval already sampled', () => {
    expect(isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 80, setsTakenSoFar: 1 })).toBe(false);
  });

  it('does not sample the load that fills exactly 100 m³', () => {
    expect(isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 90, setsTakenSoFar: 1 })).toBe(false);
  });

  it('samples the load that carries the pour past 100 m³', () => {
    expect(isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 95, setsTakenSoFar: 1 })).toBe(true);
  });

  it('still samples a later load when the one that crossed the threshold was missed', () => {
    expect(isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 130, setsTakenSoFar: 1 })).toBe(true);
  });

  it('samples the first load of a new shift even inside a sampled interval', () => {
    expect(
      isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 20, setsTakenSoFar: 1, isFirstLoadOfShift: true }),
    ).toBe(true);
  });

  it('samples a later load of a shift that has no set yet', () => {
    expect(
      isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 20, setsTakenSoFar: 1, setsTakenThisShift: 0 }),
    ).toBe(true);
  });

  it('lets a set already taken this shift settle the shift rule for its first load', () => {
    expect(
      isLoadDueForSampling({
        ...midShift,
        cumulativeVolumeBeforeM3: 20,
        setsTakenSoFar: 1,
        isFirstLoadOfShift: true,
        setsTakenThisShift: 1,
      }),
    ).toBe(false);
  });

  it('counts sets taken for shifts toward the volume rule', () => {
    expect(isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 110, setsTakenSoFar: 2 })).toBe(false);
  });

  it('samples a continuous pour above 1,000 m³ every 200 m³', () => {
    const bigPour = { ...midShift, continuous: true, setsTakenSoFar: 10 };
    expect(isLoadDueForSampling({ ...bigPour, cumulativeVolumeBeforeM3: 990 })).toBe(false);
    expect(isLoadDueForSampling({ ...bigPour, cumulativeVolumeBeforeM3: 995 })).toBe(true);
    expect(isLoadDueForSampling({ ...bigPour, cumulativeVolumeBeforeM3: 1100, setsTakenSoFar: 11 })).toBe(false);
    expect(isLoadDueForSampling({ ...bigPour, cumulativeVolumeBeforeM3: 1195, setsTakenSoFar: 11 })).toBe(true);
  });

  it.each([
    ['a zero load', { loadVolumeM3: 0 }],
    ['a negative cumulative volume', { cumulativeVolumeBeforeM3: -1 }],
    ['a negative count of sets', { setsTakenSoFar: -1 }],
  ])('refuses %s', (_, override) => {
    expect(() =>
      isLoadDueForSampling({ ...midShift, cumulativeVolumeBeforeM3: 0, setsTakenSoFar: 0, ...override }),
    ).toThrow(RangeError);
  });
});
