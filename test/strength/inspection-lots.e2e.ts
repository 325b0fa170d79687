import type { InspectionLotDto } from '@pourline/contracts';
import { strengthMethodVersion } from '@pourline/domain';
import { adminSession, createMix, createUser, expectCreated, type PourWorld, unique } from '../support/factories';
import type { Http } from '../support/http';
import { createCrew, createLoadWorld, type LoadCrew } from '../support/load-factories';
import { makeSets, pourBeingPlaced, recordCubes, recordValue } from '../support/strength-factories';

/**
 * Twelve C30 set values, hand-computed: m = 403.2 / 12 = 33.6 MPa; S = 3.285 → 3.29 MPa;
 * twelve sets take λ1 = 1.15 and λ2 = 0.90, so the mean needs 30 + 1.15 × 3.29 = 33.7835 MPa
 * (it fails) and the minimum 0.90 × 30 = 27 MPa (27.2 passes). λ1 = 1.05 of 15–19 sets would
 * have passed the lot: only the right λ gives the right verdict.
 */
const TWELVE_VALUES = [27.2, 29.5, 30.9, 32.1, 32.7, 33.6, 34.3, 35.0, 35.8, 36.7, 37.5, 37.9];

describe('Inspection lots (GB/T 50107)', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let afterSales: Http;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    world = await createLoadWorld(crew.admin, crew);
    afterSales = (await createUser(crew.admin, 'after_sales')).session;
  });

  describe('a lot of 12 sets from three pours', () => {
    let lot: InspectionLotDto;
    let pourIds: string[];

    beforeAll(async () => {
      const placed = [];
      for (const element of ['B1 raft, zone 1', 'B1 raft, zone 2', 'B1 walls']) {
        placed.push(await pourBeingPlaced(crew, world, { structuralElement: element }));
      }
      pourIds = placed.map(({ pour }) => pour.id);
      const sets = [];
      for (const pour of placed) sets.push(...(await makeSets(crew.qc, pour, 4)));
      lot = await expectCreated(crew.qc.post('/strength/lots', { name: 'B1 raft and walls', pourIds }));
      for (const [index, set] of sets.entries()) await recordValue(crew.qc, set.id, 28, TWELVE_VALUES[index]);
      lot = await expectCreated(crew.qc.get(`/strength/lots/${lot.id}`));
    });

    it('holds the sets of every pour it names', () => {
      expect(lot).toMatchObject({ name: 'B1 raft and walls', strengthGrade: 'C30', ageDays: 28, mixId: world.mix.id });
      expect(lot.pours.map((pour) => pour.id).sort()).toEqual([...pourIds].sort());
      expect(lot.sets).toHaveLength(12);
      expect(new Set(lot.sets.map((set) => set.pourId))).toEqual(new Set(pourIds));
      expect(lot.sets.map((set) => set.strength28dMpa)).toEqual(TWELVE_VALUES);
    });

    it('is judged by the unknown-σ method with λ1 = 1.15 and λ2 = 0.90, and every figure of the verdict', () => {
      expect(lot.record).toMatchObject({ known: false, reason: 'too_few_sets' });
      expect(lot.verdict).not.toBeNull();
      const verdict = lot.verdict!;
      expect(verdict).toMatchObject({
        method: 'statistical_unknown_sigma',
        methodVersion: strengthMethodVersion('statistical_unknown_sigma'),
        pass: false,
      });
      expect(verdict.evaluation).toMatchObject({
        sets: 12,
        meanMpa: 33.6,
        minMpa: 27.2,
        computedStandardDeviationMpa: 3.29,
        standardDeviationMpa: 3.29,
        requiredMeanMpa: 33.7835,
        requiredMinMpa: 27,
        meanPass: false,
        minPass: true,
        factors: { lambda1: 1.15, lambda2: 0.9 },
      });
      expect(verdict.setValues.map((value) => value.strengthMpa)).toEqual(TWELVE_VALUES);
    });

    it('is shown to after-sales, but not to a dispatcher', async () => {
      const seen = await afterSales.get<InspectionLotDto[]>(`/strength/lots?projectId=${world.project.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.map((entry) => entry.id)).toContain(lot.id);
      expect((await crew.dispatcher.get(`/strength/lots/${lot.id}`)).status).toBe(403);
    });

    it('refuses a pour that already belongs to it, and changes nothing', async () => {
      const again = await crew.qc.post('/strength/lots', { name: 'Twice', pourIds: [pourIds[0]] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('pour_already_in_lot');
    });
  });

  it('grows with a pour added later, and is judged anew', async () => {
    const first = await pourBeingPlaced(crew, world, { structuralElement: '2F slab' });
    const [set] = await makeSets(crew.qc, first, 1);
    await recordValue(crew.qc, set.id, 28, 36);
    const lot = await expectCreated<InspectionLotDto>(
      crew.qc.post('/strength/lots', { name: '2F', pourIds: [first.pour.id] }),
    );
    expect(lot.verdict).toMatchObject({ method: 'non_statistical', pass: true });

    const second = await pourBeingPlaced(crew, world, { structuralElement: '2F beams' });
    const [weak] = await makeSets(crew.qc, second, 1);
    const grown = await expectCreated<InspectionLotDto>(
      crew.qc.post(`/strength/lots/${lot.id}/pours`, { pourIds: [second.pour.id] }),
    );
    expect(grown.pours).toHaveLength(2);
    expect(grown.sets).toHaveLength(2);
    // 36.0 and 28.0: mean 32.0 < 1.15 × 30 = 34.5, minimum 28.0 < 0.95 × 30 = 28.5.
    await recordValue(crew.qc, weak.id, 28, 28);
    const judged = await expectCreated<InspectionLotDto>(crew.qc.get(`/strength/lots/${lot.id}`));
    expect(judged.verdict).toMatchObject({ method: 'non_statistical', pass: false });
    expect(judged.verdict!.evaluation).toMatchObject({
      meanMpa: 32,
      minMpa: 28,
      requiredMeanMpa: 34.5,
      requiredMinMpa: 28.5,
    });
  });

  it('leaves a void set out of the verdict and converts 100 mm cubes', async () => {
    const placed = await pourBeingPlaced(crew, world, { structuralElement: '3F columns' });
    const [small] = await makeSets(crew.qc, placed, 1, { cubeSizeMm: 100 });
    const [broken] = await makeSets(crew.qc, placed, 1);
    expect(small.cubeSizeMm).toBe(100);
    // 100 mm cubes of 38.0 MPa stand for 38.0 × 0.95 = 36.1 MPa; 25 / 36 / 45 is void.
    await recordCubes(crew.qc, small.id, 28, [37.5, 38, 38.5]);
    await recordCubes(crew.qc, broken.id, 28, [25, 36, 45]);
    const lot = await expectCreated<InspectionLotDto>(
      crew.qc.post('/strength/lots', { name: '3F columns', pourIds: [placed.pour.id] }),
    );
    expect(lot.sets.map((set) => [set.strength28dMpa, set.void28d])).toEqual([
      [36.1, false],
      [null, true],
    ]);
    expect(lot.verdict!.evaluation).toMatchObject({ sets: 1, meanMpa: 36.1 });
  });

  it('refuses pours of different mixes in one lot (400) and unknown pours (404), and creates nothing', async () => {
    const other = await createLoadWorld(crew.admin, crew);
    const otherMix = { ...world, mix: await createMix(crew.admin) };
    const a = await pourBeingPlaced(crew, world, { structuralElement: 'Ramp' });
    const b = await pourBeingPlaced(crew, otherMix, { structuralElement: 'Ramp walls' });
    const mixed = await crew.qc.post('/strength/lots', { name: 'Mixed', pourIds: [a.pour.id, b.pour.id] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('lot_not_uniform');
    const c = await pourBeingPlaced(crew, other, { structuralElement: 'Elsewhere' });
    expect((await crew.qc.post('/strength/lots', { name: 'Two sites', pourIds: [a.pour.id, c.pour.id] })).status).toBe(
      400,
    );
    const unknown = await crew.qc.post('/strength/lots', {
      name: 'Nothing',
      pourIds: ['6f1c7a52-4a7e-4b0c-9d1e-2b3c4d5e6f70'],
    });
    expect(unknown.status).toBe(404);
    const lots = await crew.qc.get<InspectionLotDto[]>(`/strength/lots?projectId=${world.project.id}`);
    expect(lots.body.flatMap((lot) => lot.pours.map((pour) => pour.id))).not.toContain(a.pour.id);
  });

  it('judges a pour of ten sets on its own by the unknown-σ method, where it used to give up', async () => {
    const placed = await pourBeingPlaced(crew, world, { structuralElement: 'Tower crane base' });
    for (const set of await makeSets(crew.qc, placed, 10)) await recordValue(crew.qc, set.id, 28, 33);
    const strength = await expectCreated(crew.dispatcher.get(`/pours/${placed.pour.id}/strength`));
    // Ten equal sets: S = 0 → 2.5; the mean needs 30 + 1.15 × 2.5 = 32.875.
    expect(strength).toMatchObject({ sets: 10, evaluation: { method: 'statistical_unknown_sigma', pass: true } });
    expect(strength.evaluation).toMatchObject({ standardDeviationMpa: 2.5, requiredMeanMpa: 32.875 });
  });

  it('refuses 100 mm cubes for C60 and above, whose factor must come from tests', async () => {
    const c60 = await expectCreated(
      crew.admin.post('/mixes', {
        code: unique('C60-'),
        strengthGrade: 'C60',
        cementKgPerM3: 480,
        waterKgPerM3: 160,
        maxWaterCementRatio: 0.35,
        targetSlumpMm: 180,
        initialSettingMinutes: 420,
      }),
    );
    const placed = await pourBeingPlaced(crew, { ...world, mix: c60 }, { structuralElement: 'Transfer beam' });
    const answer = await crew.qc.post(`/pours/${placed.pour.id}/specimen-sets`, {
      loadId: placed.load.id,
      cubeSizeMm: 100,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('cube_size_not_allowed');
  });
});
