import { fitSevenToTwentyEightDayRatio, forecastLot, predictTwentyEightDay } from './strength-forecast';

const pairs = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    sevenDayMpa: 25,
    twentyEightDayMpa: index % 2 === 0 ? 32.5 : 37.5,
  }));

describe(fitSevenToTwentyEightDayRatio.name, () => {
  it('fits the mean ratio and its spread from ten pairs: 1.3 and 1.5 alternating give 1.4 ± 0.105', () => {
    // Ratios 1.3 and 1.5, five each: r̄ = 1.4; s = √(10 × 0.01 / 9) = 0.1054.
    expect(fitSevenToTwentyEightDayRatio(pairs(10))).toEqual({ pairs: 10, ratio: 1.4, ratioSpread: 0.105 });
  });

  it('foretells nothing from nine pairs', () => {
    expect(fitSevenToTwentyEightDayRatio(pairs(9))).toBeNull();
  });
});

describe(predictTwentyEightDay.name, () => {
  it('multiplies a 7-day value by the ratio, with the spread as the band', () => {
    expect(predictTwentyEightDay({ pairs: 10, ratio: 1.4, ratioSpread: 0.105 }, 25)).toEqual({
      predictedMpa: 35,
      lowMpa: 32.4,
      highMpa: 37.6,
    });
  });
});

describe(forecastLot.name, () => {
  const fit = { pairs: 12, ratio: 1.4, ratioSpread: 0.08 };

  it('heads below acceptance when a set foretold at 28.0 MPa pulls a C30 lot’s mean to 33.0 < 34.5', () => {
    const forecast = forecastLot({
      grade: 'C30',
      fit,
      sets: [
        { sevenDayMpa: 26, twentyEightDayMpa: 36 },
        { sevenDayMpa: 25, twentyEightDayMpa: 35 },
        { sevenDayMpa: 20, twentyEightDayMpa: null },
      ],
    });
    expect(forecast).toMatchObject({ actualSets: 2, predictedSets: 1, pendingSets: 0, headingBelowAcceptance: true });
    expect(forecast.projected).toMatchObject({ method: 'non_statistical', meanMpa: 33, pass: false });
  });

  it('does not warn when the foretold lot passes', () => {
    const forecast = forecastLot({
      grade: 'C30',
      fit,
      sets: [
        { sevenDayMpa: 26, twentyEightDayMpa: 36 },
        { sevenDayMpa: 26, twentyEightDayMpa: null },
      ],
    });
    expect(forecast).toMatchObject({ predictedSets: 1, headingBelowAcceptance: false });
  });

  it('does not call a verdict on actual results a warning', () => {
    const forecast = forecastLot({ grade: 'C30', fit, sets: [{ sevenDayMpa: 20, twentyEightDayMpa: 28 }] });
    expect(forecast).toMatchObject({ actualSets: 1, predictedSets: 0, headingBelowAcceptance: false });
    expect(forecast.projected!.pass).toBe(false);
  });

  it('leaves 7-day results pending without a fit', () => {
    const forecast = forecastLot({ grade: 'C30', fit: null, sets: [{ sevenDayMpa: 20, twentyEightDayMpa: null }] });
    expect(forecast).toMatchObject({ pendingSets: 1, projected: null, headingBelowAcceptance: false });
  });

  it('judges a foretold lot of twelve sets by the unknown-σ method', () => {
    const sets = Array.from({ length: 12 }, () => ({ sevenDayMpa: 22, twentyEightDayMpa: null }));
    // 22 × 1.4 = 30.8 each; S = 0 → 2.5; needs 30 + 1.15 × 2.5 = 32.875.
    const forecast = forecastLot({ grade: 'C30', fit, sets });
    expect(forecast.projected).toMatchObject({ method: 'statistical_unknown_sigma', meanMpa: 30.8, pass: false });
    expect(forecast.headingBelowAcceptance).toBe(true);
  });
});
