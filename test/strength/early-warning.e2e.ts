import type { InspectionLotDto, MixTrendDto, StrengthWarningDto } from '@pourline/contracts';
import { adminSession, expectCreated, type PourWorld } from '../support/factories';
import { createCrew, createLoadWorld, type LoadCrew } from '../support/load-factories';
import { makeSets, pourBeingPlaced, recordValue } from '../support/strength-factories';

/**
 * The plant's own history: ten C30 sets at 25.0 MPa after 7 days and 34.5 / 35.5 MPa after 28
 * (ratios 1.38 and 1.42: r̄ = 1.40). Then a lot of eight sets whose 7-day results fall:
 * 26, 25.5, 25, 24, 23, 22, 21, 20 MPa, foretold at 28 days as 36.4, 35.7, 35.0, 33.6, 32.2,
 * 30.8, 29.4, 28.0. By the non-statistical method the mean must reach 1.15 × 30 = 34.5: after
 * five sets it is 34.58 → 34.6 (on course), after six 34.0 (heading below). Weeks before any of
 * those cubes is crushed at 28 days, QC is warned once, not again at the seventh or eighth.
 */
const FALLING_7_DAY = [26, 25.5, 25, 24, 23, 22, 21, 20];

describe('Early warning from 7-day results', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let lot: InspectionLotDto;

  const warningsOf = async (query: string) => {
    const answer = await crew.qc.get<StrengthWarningDto[]>(`/strength/warnings?${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew);
    const past = await pourBeingPlaced(crew, world, { structuralElement: 'Earlier slabs' });
    for (const [index, set] of (await makeSets(crew.qc, past, 10)).entries()) {
      await recordValue(crew.qc, set.id, 7, 25);
      await recordValue(crew.qc, set.id, 28, index % 2 === 0 ? 34.5 : 35.5);
    }
    const placed = await pourBeingPlaced(crew, world, { structuralElement: '5F slab' });
    const sets = await makeSets(crew.qc, placed, FALLING_7_DAY.length);
    lot = await expectCreated(crew.qc.post('/strength/lots', { name: '5F', pourIds: [placed.pour.id] }));
    expect(lot.forecast.fit).toEqual({ pairs: 10, ratio: 1.4, ratioSpread: expect.any(Number) });

    for (const [index, set] of sets.entries()) {
      await recordValue(crew.qc, set.id, 7, FALLING_7_DAY[index]);
      const raised = await warningsOf(`lotId=${lot.id}`);
      // On course up to the fifth set; heading below from the sixth.
      expect([index + 1, raised.length]).toEqual([index + 1, index < 5 ? 0 : 1]);
    }
  });

  it('warns once that the lot is heading below acceptance, with the figures it rests on', async () => {
    const warnings = await warningsOf(`lotId=${lot.id}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      kind: 'lot_forecast',
      lotId: lot.id,
      projectId: world.project.id,
      strengthGrade: 'C30',
      details: {
        lotName: '5F',
        method: 'non_statistical',
        projectedMeanMpa: 34,
        requiredMeanMpa: 34.5,
        predictedSets: 6,
        actualSets: 0,
        ratio: 1.4,
        pairs: 10,
      },
    });
  });

  it('shows the lot’s foretold values while its verdict waits for 28-day results', async () => {
    const seen = await expectCreated<InspectionLotDto>(crew.qc.get(`/strength/lots/${lot.id}`));
    expect(seen.verdict).toBeNull();
    expect(seen.sets.map((set) => set.predicted28dMpa)).toEqual([36.4, 35.7, 35, 33.6, 32.2, 30.8, 29.4, 28]);
    expect(seen.forecast).toMatchObject({ predictedSets: 8, headingBelowAcceptance: true });
    expect(seen.forecast.projected).toMatchObject({ meanMpa: 32.6, pass: false });
  });

  it('flags the mix drifting below its target mean strength on its CUSUM, once for the run', async () => {
    // Target 30 + 1.645 × 5.0 = 38.2 (no 30-set record: JGJ 55's σ of 5.0); k = 2.5, h = 20.
    // The ten 35.0 averages add 0.7 each; the foretold values then cross 20 at 29.4 (23.0).
    const trends = await crew.qc.get<MixTrendDto[]>(`/strength/trends?plantId=${world.plant.id}`);
    expect(trends.status).toBe(200);
    const [trend] = trends.body;
    expect(trend).toMatchObject({
      mixId: world.mix.id,
      targetMpa: 38.2,
      sigmaMpa: 5,
      sigmaFrom: 'table',
      decisionIntervalMpa: 20,
      drifting: true,
    });
    expect(trend.points).toHaveLength(18);
    expect(trend.points.filter((point) => point.predicted)).toHaveLength(8);
    expect(trend.points.findIndex((point) => point.signal)).toBe(16);
    const drift = await warningsOf(`plantId=${world.plant.id}&kind=mix_drift`);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ kind: 'mix_drift', mixId: world.mix.id, details: { decisionIntervalMpa: 20 } });
  });
});
