import { checkWaterAddition, waterAdditionAllowanceLitres } from './water-addition';

// 300 kg cement at w/c 0.50 allows 150 kg water; 145 batched leaves 5 L per m³.
const load = { cementKgPerM3: 300, waterKgPerM3: 145, maxWaterCementRatio: 0.5, volumeM3: 8 };

describe(waterAdditionAllowanceLitres.name, () => {
  it('allows 40 L on 8 m³ with 5 L/m³ of headroom', () => {
    expect(waterAdditionAllowanceLitres(load)).toBe(40);
  });

  it('subtracts water already added on site', () => {
    expect(waterAdditionAllowanceLitres({ ...load, alreadyAddedLitres: 25 })).toBe(15);
  });

  it('adds back design water the plant kept out of the batch', () => {
    expect(waterAdditionAllowanceLitres({ ...load, heldBackLitres: 60 })).toBe(100);
    expect(waterAdditionAllowanceLitres({ ...load, heldBackLitres: 60, alreadyAddedLitres: 100 })).toBe(0);
  });

  it('refuses a negative amount held back', () => {
    expect(() => waterAdditionAllowanceLitres({ ...load, heldBackLitres: -1 })).toThrow(RangeError);
  });

  it('is 0 once the additions have used the headroom up', () => {
    expect(waterAdditionAllowanceLitres({ ...load, alreadyAddedLitres: 40 })).toBe(0);
    expect(waterAdditionAllowanceLitres({ ...load, alreadyAddedLitres: 55 })).toBe(0);
  });

  it('is 0 when the batched mix is already at the maximum ratio', () => {
    expect(waterAdditionAllowanceLitres({ ...load, waterKgPerM3: 150 })).toBe(0);
  });

  it('is 0, never negative, when the batched mix is over the ratio', () => {
    expect(waterAdditionAllowanceLitres({ ...load, waterKgPerM3: 160 })).toBe(0);
  });

  it('rounds down to a tenth of a litre', () => {
    // 0.45 × 350 = 157.5 allowed; 157.44 batched leaves 0.06 L/m³ × 7 m³ = 0.42 L.
    const fine = { cementKgPerM3: 350, waterKgPerM3: 157.44, maxWaterCementRatio: 0.45, volumeM3: 7 };
    expect(waterAdditionAllowanceLitres(fine)).toBe(0.4);
  });

  it('does not lose a tenth to floating point', () => {
    const exact = { cementKgPerM3: 350, waterKgPerM3: 157.4, maxWaterCementRatio: 0.45, volumeM3: 3 };
    expect(waterAdditionAllowanceLitres(exact)).toBe(0.3);
  });

  it.each([
    ['zero cement', { ...load, cementKgPerM3: 0 }],
    ['negative water', { ...load, waterKgPerM3: -1 }],
    ['a zero ratio', { ...load, maxWaterCementRatio: 0 }],
    ['a negative volume', { ...load, volumeM3: -1 }],
    ['negative water already added', { ...load, alreadyAddedLitres: -5 }],
    ['a non-finite volume', { ...load, volumeM3: NaN }],
  ])('refuses %s', (_, input) => {
    expect(() => waterAdditionAllowanceLitres(input)).toThrow(RangeError);
  });
});

describe(checkWaterAddition.name, () => {
  it('allows adding exactly the allowance', () => {
    expect(checkWaterAddition(load, 40)).toEqual({ allowed: true, allowanceLitres: 40 });
  });

  it('refuses 40.1 L when 40 L are allowed', () => {
    expect(checkWaterAddition(load, 40.1)).toEqual({ allowed: false, allowanceLitres: 40 });
  });

  it('counts earlier additions to the same load', () => {
    expect(checkWaterAddition({ ...load, alreadyAddedLitres: 30 }, 15)).toEqual({
      allowed: false,
      allowanceLitres: 10,
    });
  });

  it.each([0, -1, NaN])('refuses to record %p litres', (litres) => {
    expect(() => checkWaterAddition(load, litres)).toThrow(RangeError);
  });
});
