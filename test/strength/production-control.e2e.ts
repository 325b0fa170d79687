import type { ProductionControlDto, StrengthWarningDto } from '@pourline/contracts';
import { adminSession, type PourWorld } from '../support/factories';
import { apiUrl } from '../support/http';
import { createCrew, createLoadWorld, type LoadCrew } from '../support/load-factories';
import { makeSet, pourBeingPlaced, recordCubes, recordValue } from '../support/strength-factories';

/**
 * March 2025 at a Shanghai plant, C30, by hand: 28 sets cycling 30, 32, 34, 36, 38 MPa
 * (five cycles and 30, 32, 34), one set of 100 mm cubes at 36.0 MPa (× 0.95 = 34.2) and
 * one at 29.5 MPa; a void set (25 / 36 / 45) does not count. n = 30, Σf = 1009.7,
 * m = 33.66 → 33.7 MPa; Σ(f − m)² = 236.75, σ = √(236.75 / 29) = 2.857 → 2.86 MPa ≤ 3.5;
 * 29 of 30 sets reach 30 MPa: P = 96.7 % ≥ 95 %. Within limits.
 *
 * April: 30, 33, 36, 39, 42 MPa six times, then 36 and 36; the first made at 01:00 on 1 April
 * Shanghai time (17:00 UTC on 31 March). n = 32, m = 1152 / 32 = 36.0, Σ(f − m)² = 540,
 * σ = √(540 / 31) = 4.174 → 4.17 MPa > 3.5; P = 100 %. Out of limits on σ, from the 30th set
 * (σ = √(540 / 29) = 4.32): one alert, not one per set after it.
 */
const MARCH_VALUES = [...Array.from({ length: 5 }, () => [30, 32, 34, 36, 38]).flat(), 30, 32, 34];
const APRIL_VALUES = [...Array.from({ length: 6 }, () => [30, 33, 36, 39, 42]).flat(), 36, 36];

describe('Production control per GB 50164', () => {
  let crew: LoadCrew;
  let world: PourWorld;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew, { timeZone: 'Asia/Shanghai' });
    const placed = await pourBeingPlaced(crew, world);
    let day = 1;
    const march = () => `2025-03-${String(day++).padStart(2, '0')}T02:00:00.000Z`;
    for (const value of MARCH_VALUES) {
      await recordValue(crew.qc, (await makeSet(crew.qc, placed, { madeAt: march() })).id, 28, value);
    }
    const small = await makeSet(crew.qc, placed, { madeAt: march(), cubeSizeMm: 100 });
    await recordValue(crew.qc, small.id, 28, 36);
    const broken = await makeSet(crew.qc, placed, { madeAt: march() });
    await recordCubes(crew.qc, broken.id, 28, [25, 36, 45]);
    await recordValue(crew.qc, (await makeSet(crew.qc, placed, { madeAt: march() })).id, 28, 29.5);

    for (const [index, value] of APRIL_VALUES.entries()) {
      const madeAt =
        index === 0
          ? '2025-03-31T17:00:00.000Z'
          : `2025-04-${String(1 + Math.ceil(index / 2)).padStart(2, '0')}T0${index % 2 ? 2 : 6}:00:00.000Z`;
      await recordValue(crew.qc, (await makeSet(crew.qc, placed, { madeAt })).id, 28, value);
    }
  });

  const figuresOf = async (query: string) => {
    const answer = await crew.qc.get<ProductionControlDto>(
      `/strength/production-control?plantId=${world.plant.id}&${query}`,
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('gives the monthly figures of a hand calculation, months read on the plant’s clock', async () => {
    const figures = await figuresOf('from=2025-03-01&to=2025-04-30');
    expect(figures).toMatchObject({
      standard: 'GB 50164-2011',
      plantId: world.plant.id,
      from: '2025-03-01',
      to: '2025-04-30',
    });
    expect(figures.periods.map((period) => period.label)).toEqual(['2025-03', '2025-04']);
    const [march, april] = figures.periods;
    expect(march.grades).toEqual([
      {
        grade: 'C30',
        sets: 30,
        meanMpa: 33.7,
        sigmaMpa: 2.86,
        sigmaLimitMpa: 3.5,
        sigmaWithinLimit: true,
        setsAtLeastGrade: 29,
        shareAtLeastGradePercent: 96.7,
        shareWithinLimit: true,
        status: 'within_limits',
      },
    ]);
    expect(april.grades).toEqual([
      {
        grade: 'C30',
        sets: 32,
        meanMpa: 36,
        sigmaMpa: 4.17,
        sigmaLimitMpa: 3.5,
        sigmaWithinLimit: false,
        setsAtLeastGrade: 32,
        shareAtLeastGradePercent: 100,
        shareWithinLimit: true,
        status: 'out_of_limits',
      },
    ]);
  });

  it('gives the whole period at once when asked', async () => {
    const figures = await figuresOf('from=2025-03-01&to=2025-04-30&period=whole');
    expect(figures.periods).toHaveLength(1);
    expect(figures.periods[0].grades[0]).toMatchObject({ sets: 62, setsAtLeastGrade: 61 });
  });

  it('raises one alert for the grade that left its limits, and none for the month that stayed within', async () => {
    const answer = await crew.qc.get<StrengthWarningDto[]>(
      `/strength/warnings?plantId=${world.plant.id}&kind=production_control`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(1);
    expect(answer.body[0]).toMatchObject({
      kind: 'production_control',
      strengthGrade: 'C30',
      details: { month: '2025-04', sets: 30, sigmaMpa: 4.32, sigmaWithinLimit: false, shareWithinLimit: true },
    });
  });

  it('exports the figures as CSV', async () => {
    const response = await fetch(
      apiUrl(`/strength/production-control.csv?plantId=${world.plant.id}&from=2025-03-01&to=2025-04-30`),
      { headers: { authorization: `Bearer ${crew.qc.token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'plant,period,grade,sets,mean_mpa,sigma_mpa,sigma_limit_mpa,sigma_within_limit,sets_at_least_grade,share_at_least_grade_percent,share_within_limit,status',
    );
    expect(lines[1]).toBe(`${world.plant.code},2025-03,C30,30,33.7,2.86,3.5,true,29,96.7,true,within_limits`);
    expect(lines[2]).toBe(`${world.plant.code},2025-04,C30,32,36,4.17,3.5,false,32,100,true,out_of_limits`);
  });

  it('refuses a period that ends before it starts', async () => {
    const answer = await crew.qc.get(
      `/strength/production-control?plantId=${world.plant.id}&from=2025-05-01&to=2025-04-01`,
    );
    expect(answer.status).toBe(400);
  });
});
