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
 * April: a set made at 01:00 on 1 April Shanghai time (17:00 UTC on 31 March) at 31.0,
 * then 28.0 and 35.0: n = 3, m = 31.3, σ = 3.51 (not judged under 30 sets), P = 2 / 3 =
 * 66.7 % < 95 %. Out of limits, from the second set on: one alert, not two.
 */
const MARCH_VALUES = [...Array.from({ length: 5 }, () => [30, 32, 34, 36, 38]).flat(), 30, 32, 34];

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
    // The low one last: a month is judged as its results come in.
    await recordValue(crew.qc, (await makeSet(crew.qc, placed, { madeAt: march() })).id, 28, 29.5);

    for (const [madeAt, value] of [
      ['2025-03-31T17:00:00.000Z', 31],
      ['2025-04-10T02:00:00.000Z', 28],
      ['2025-04-20T02:00:00.000Z', 35],
    ] as const) {
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
        sets: 3,
        meanMpa: 31.3,
        sigmaMpa: 3.51,
        sigmaLimitMpa: 3.5,
        sigmaWithinLimit: null,
        setsAtLeastGrade: 2,
        shareAtLeastGradePercent: 66.7,
        shareWithinLimit: false,
        status: 'out_of_limits',
      },
    ]);
  });

  it('gives the whole period at once when asked', async () => {
    const figures = await figuresOf('from=2025-03-01&to=2025-04-30&period=whole');
    expect(figures.periods).toHaveLength(1);
    expect(figures.periods[0].grades[0]).toMatchObject({ sets: 33, setsAtLeastGrade: 31 });
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
      details: { month: '2025-04', shareWithinLimit: false },
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
    expect(lines[2]).toBe(`${world.plant.code},2025-04,C30,3,31.3,3.51,3.5,,2,66.7,false,out_of_limits`);
  });

  it('refuses a period that ends before it starts', async () => {
    const answer = await crew.qc.get(
      `/strength/production-control?plantId=${world.plant.id}&from=2025-05-01&to=2025-04-01`,
    );
    expect(answer.status).toBe(400);
  });
});
