import type { LoadDto, PourDto, SamplingPlanDto, SpecimenSetDto, StrengthAcceptanceDto } from '@pourline/contracts';
import { adminSession, expectCreated, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  loadAt,
  type LoadCrew,
  QC_NAME,
  scheduleLoad,
} from '../support/load-factories';

describe('Test specimens and strength acceptance', () => {
  let admin: Http;
  let crew: LoadCrew;
  let world: PourWorld;

  beforeAll(async () => {
    admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
  });

  const samplingOf = async (pourId: string) => {
    const answer = await crew.dispatcher.get<SamplingPlanDto>(`/pours/${pourId}/sampling`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const strengthOf = async (pourId: string) => {
    const answer = await crew.dispatcher.get<StrengthAcceptanceDto>(`/pours/${pourId}/strength`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const makeSet = (session: Http, pourId: string, loadId: string) =>
    session.post<SpecimenSetDto>(`/pours/${pourId}/specimen-sets`, { loadId });
  const recordResults = (session: Http, setId: string, ageDays: number, strengthsMpa: number[]) =>
    session.post<SpecimenSetDto>(`/specimen-sets/${setId}/results`, { ageDays, strengthsMpa });

  /** A pour with one discharging load and a specimen set made from it. */
  async function pourWithSet(): Promise<{ pour: PourDto; load: LoadDto; set: SpecimenSetDto }> {
    const pour = await createReadyPour(crew, world);
    const load = await loadAt(crew, pour, 'discharging');
    const set = await expectCreated(makeSet(crew.qc, pour.id, load.id));
    return { pour, load, set };
  }

  describe('the sampling plan', () => {
    let pour: PourDto;
    let first: LoadDto;
    let second: LoadDto;

    beforeAll(async () => {
      pour = await createReadyPour(crew, world);
      first = await scheduleLoad(crew, pour, { volumeM3: 10 });
      second = await scheduleLoad(crew, pour, { volumeM3: 10 });
    });

    it('asks for at least one set per 100 m³ of the 240.5 m³ pour, and for the first load', async () => {
      const plan = await samplingOf(pour.id);
      expect(plan.requiredSets).toBeGreaterThanOrEqual(3);
      expect(plan.setsTaken).toBe(0);
      expect(plan.loadsDue).toContain(first.id);
    });

    it('gives a printable label to a set made on site, by the inspector', async () => {
      await advanceLoad(crew, first.id, 'discharging');
      const answer = await makeSet(crew.qc, pour.id, first.id);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        pourId: pour.id,
        loadId: first.id,
        ticketNumber: first.ticketNumber,
        strengthGrade: 'C30',
        specimenCount: 3,
        madeBy: QC_NAME,
        results7dMpa: null,
        results28dMpa: null,
        strength28dMpa: null,
      });
      expect(typeof answer.body.label).toBe('string');
      expect(answer.body.label.trim().length).toBeGreaterThan(0);
      const sets = await crew.dispatcher.get<SpecimenSetDto[]>(`/pours/${pour.id}/specimen-sets`);
      expect(sets.status).toBe(200);
      expect(sets.body.map((set) => set.id)).toEqual([answer.body.id]);
    });

    it('counts the set and no longer asks for one from the next loads of the first 100 m³', async () => {
      const plan = await samplingOf(pour.id);
      expect(plan.setsTaken).toBe(1);
      expect(plan.loadsDue).not.toContain(first.id);
      expect(plan.loadsDue).not.toContain(second.id);
    });

    it('refuses a set for a load of another pour, or an unknown load', async () => {
      const other = await createReadyPour(crew, world);
      const foreign = await scheduleLoad(crew, other);
      expect((await makeSet(crew.qc, pour.id, foreign.id)).status).toBeGreaterThanOrEqual(400);
      expect((await makeSet(crew.qc, pour.id, '6f1c7a52-4a7e-4b0c-9d1e-2b3c4d5e6f70')).status).toBe(404);
      expect((await samplingOf(pour.id)).setsTaken).toBe(1);
    });
  });

  describe('strength acceptance (GB/T 50107, non-statistical)', () => {
    it('has no evaluation, with a note, before any 28-day result', async () => {
      const { pour, set } = await pourWithSet();
      let strength = await strengthOf(pour.id);
      expect(strength.evaluation).toBeNull();
      expect(strength.note.trim().length).toBeGreaterThan(0);

      const sevenDay = await recordResults(crew.qc, set.id, 7, [25.1, 26.0, 24.4]);
      expect([200, 201]).toContain(sevenDay.status);
      expect(sevenDay.body.results7dMpa).toEqual([25.1, 26.0, 24.4]);
      strength = await strengthOf(pour.id);
      expect(strength.evaluation).toBeNull();
    });

    it('accepts C30 concrete whose 28-day set reaches 36 MPa (mean ≥ 34.5, minimum ≥ 28.5)', async () => {
      const { pour, set } = await pourWithSet();
      const answer = await recordResults(crew.qc, set.id, 28, [36, 35, 37]);
      expect([200, 201]).toContain(answer.status);
      expect(answer.body.results28dMpa).toEqual([36, 35, 37]);
      expect(answer.body.strength28dMpa).toBeCloseTo(36, 6);
      const strength = await strengthOf(pour.id);
      expect(strength).toMatchObject({ strengthGrade: 'C30', sets: 1 });
      expect(strength.evaluation).not.toBeNull();
      expect(strength.evaluation!.pass).toBe(true);
      expect(strength.evaluation!.meanMpa).toBeCloseTo(36, 6);
      expect(strength.evaluation!.minMpa).toBeCloseTo(36, 6);
      expect(strength.evaluation!.requiredMeanMpa).toBeCloseTo(34.5, 6);
      expect(strength.evaluation!.requiredMinMpa).toBeCloseTo(28.5, 6);
    });

    it('fails C30 concrete whose 28-day set reaches only 30.3 MPa', async () => {
      const { pour, set } = await pourWithSet();
      expect([200, 201]).toContain((await recordResults(crew.qc, set.id, 28, [30, 31, 30])).status);
      const strength = await strengthOf(pour.id);
      expect(strength.evaluation!.pass).toBe(false);
      expect(strength.evaluation!.meanMpa).toBeCloseTo(30.3, 1);
      expect(strength.evaluation!.requiredMeanMpa).toBeCloseTo(34.5, 6);
    });

    it.each([
      ['two cube results', { ageDays: 28, strengthsMpa: [36, 35] }],
      ['a 14-day age', { ageDays: 14, strengthsMpa: [36, 35, 37] }],
      ['a negative strength', { ageDays: 28, strengthsMpa: [36, -35, 37] }],
    ])('refuses %s with 400, and records nothing', async (_case, body) => {
      const { pour, set } = await pourWithSet();
      const answer = await crew.qc.post(`/specimen-sets/${set.id}/results`, body);
      expect(answer.status).toBe(400);
      const sets = await crew.dispatcher.get<SpecimenSetDto[]>(`/pours/${pour.id}/specimen-sets`);
      expect(sets.body[0].results28dMpa).toBeNull();
      expect(sets.body[0].results7dMpa).toBeNull();
    });
  });

  describe('who handles specimens', () => {
    it('lets only a QC inspector make a set or record strengths: admin and dispatcher get 403', async () => {
      const { pour, load, set } = await pourWithSet();
      for (const session of [admin, crew.dispatcher, crew.site]) {
        expect((await makeSet(session, pour.id, load.id)).status).toBe(403);
        expect((await recordResults(session, set.id, 28, [36, 35, 37])).status).toBe(403);
      }
      const sets = await crew.dispatcher.get<SpecimenSetDto[]>(`/pours/${pour.id}/specimen-sets`);
      expect(sets.body).toHaveLength(1);
      expect(sets.body[0].results28dMpa).toBeNull();
      expect((await strengthOf(pour.id)).evaluation).toBeNull();
    });
  });
});
