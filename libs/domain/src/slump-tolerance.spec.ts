import { evaluateSlump, slumpToleranceMm } from './slump-tolerance';

describe(slumpToleranceMm.name, () => {
  describe('under GB/T 14902', () => {
    it.each([
      [0, 10],
      [40, 10],
      [41, 20],
      [45, 20],
      [50, 20],
      [90, 20],
      [91, 30],
      [95, 30],
      [100, 30],
      [220, 30],
    ])('gives a %i mm design slump ±%i mm', (designMm, toleranceMm) => {
      expect(slumpToleranceMm('gb_t_14902', 'slump', designMm)).toBe(toleranceMm);
    });

    it('gives a 650 mm slump flow ±30 mm', () => {
      expect(slumpToleranceMm('gb_t_14902', 'slump_flow', 650)).toBe(30);
    });

    it('gives a 350 mm slump flow ±30 mm', () => {
      expect(slumpToleranceMm('gb_t_14902', 'slump_flow', 350)).toBe(30);
    });
  });

  describe('under ASTM C94', () => {
    it.each([
      [0, 15],
      [50, 15],
      [51, 25],
      [100, 25],
      [101, 40],
      [200, 40],
    ])('gives a %i mm design slump ±%i mm', (designMm, toleranceMm) => {
      expect(slumpToleranceMm('astm_c94', 'slump', designMm)).toBe(toleranceMm);
    });

    it('gives slump flow the ±30 mm producer default, as C94 has no slump-flow row', () => {
      expect(slumpToleranceMm('astm_c94', 'slump_flow', 600)).toBe(30);
    });
  });

  it.each([-1, NaN, Infinity])('refuses a design slump of %p', (designMm) => {
    expect(() => slumpToleranceMm('gb_t_14902', 'slump', designMm)).toThrow(RangeError);
  });

  it('refuses a standard it does not know', () => {
    expect(() => slumpToleranceMm('en_206' as never, 'slump', 100)).toThrow(RangeError);
  });
});

describe(evaluateSlump.name, () => {
  const gb = { standard: 'gb_t_14902', kind: 'slump' } as const;

  it('accepts 130 mm against a 160 mm design under GB/T 14902', () => {
    expect(evaluateSlump({ ...gb, designMm: 160, measuredMm: 130 })).toEqual({
      pass: true,
      toleranceMm: 30,
      deviationMm: -30,
      minMm: 130,
      maxMm: 190,
    });
  });

  it('accepts 190 mm against a 160 mm design, the upper limit itself', () => {
    expect(evaluateSlump({ ...gb, designMm: 160, measuredMm: 190 }).pass).toBe(true);
  });

  it('rejects 129 mm against a 160 mm design under GB/T 14902', () => {
    const result = evaluateSlump({ ...gb, designMm: 160, measuredMm: 129 });
    expect(result.pass).toBe(false);
    expect(result.deviationMm).toBe(-31);
  });

  it('rejects 191 mm against a 160 mm design', () => {
    expect(evaluateSlump({ ...gb, designMm: 160, measuredMm: 191 }).pass).toBe(false);
  });

  it('judges a half-millimetre reading on the limit as on the limit', () => {
    expect(evaluateSlump({ ...gb, designMm: 160.5, measuredMm: 130.5 }).pass).toBe(true);
  });

  it('rejects 80 mm against a 100 mm design under ASTM C94 when 75 mm would pass', () => {
    const astm = { standard: 'astm_c94', kind: 'slump', designMm: 100 } as const;
    expect(evaluateSlump({ ...astm, measuredMm: 75 }).pass).toBe(true);
    expect(evaluateSlump({ ...astm, measuredMm: 74 }).pass).toBe(false);
  });

  it('uses the mix tolerance over the table when one is given', () => {
    const result = evaluateSlump({ ...gb, designMm: 160, measuredMm: 140, toleranceOverrideMm: 15 });
    expect(result).toMatchObject({ pass: false, toleranceMm: 15, minMm: 145, maxMm: 175 });
  });

  it('falls back to the table when the override is null', () => {
    expect(evaluateSlump({ ...gb, designMm: 160, measuredMm: 140, toleranceOverrideMm: null }).toleranceMm).toBe(30);
  });

  it('never gives a minimum below 0 mm', () => {
    expect(evaluateSlump({ ...gb, designMm: 5, measuredMm: 0 })).toMatchObject({ pass: true, minMm: 0, maxMm: 15 });
  });

  it('evaluates slump flow at ±30 mm', () => {
    const flow = { standard: 'gb_t_14902', kind: 'slump_flow', designMm: 650 } as const;
    expect(evaluateSlump({ ...flow, measuredMm: 680 }).pass).toBe(true);
    expect(evaluateSlump({ ...flow, measuredMm: 681 }).pass).toBe(false);
  });

  it.each([
    ['a negative measurement', { designMm: 160, measuredMm: -1 }],
    ['a non-finite measurement', { designMm: 160, measuredMm: NaN }],
    ['a negative design', { designMm: -160, measuredMm: 150 }],
    ['a negative design even with an override', { designMm: -160, measuredMm: 150, toleranceOverrideMm: 20 }],
    ['a negative override', { designMm: 160, measuredMm: 150, toleranceOverrideMm: -5 }],
    ['an infinite override', { designMm: 160, measuredMm: 150, toleranceOverrideMm: Infinity }],
  ])('refuses %s', (_, values) => {
    expect(() => evaluateSlump({ ...gb, ...values })).toThrow(RangeError);
  });
});
