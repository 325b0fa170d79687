import type { AlertDto, PourDto, PumpStatusDto, QcTestDto } from '@pourline/contracts';
import { adminSession, createPour, documentForm, expectCreated, type PourWorld, TINY_PDF } from '../support/factories';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  FAILING_SLUMP_MM,
  type LoadCrew,
  loadOnSite,
  recordQcTest,
  sleep,
} from '../support/load-factories';

/** The API answers with codes and the facts behind them, so the console can word them in its reader's language. */
describe('Answers the console words itself', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew);
    pour = await createReadyPour(crew, world);
  });

  it('states each validation issue as data: field, kind, bounds, and whether the field was left out', async () => {
    const answer = await crew.dispatcher.post(`/pours/${pour.id}/loads`, { volumeM3: 0, colour: 'grey' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid_input');
    expect(answer.body.message).toMatch(/^Invalid input: /);
    expect(answer.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'volumeM3',
          code: 'too_small',
          origin: 'number',
          minimum: 0,
          inclusive: false,
        }),
        expect.objectContaining({ path: '', code: 'unrecognized_keys', keys: ['colour'] }),
      ]),
    );
    expect(answer.body.details).toHaveLength(answer.body.issues.length);

    const missing = await crew.dispatcher.post(`/pours/${pour.id}/loads`, {});
    expect(missing.body.issues).toEqual([
      expect.objectContaining({ path: 'volumeM3', code: 'invalid_type', expected: 'number', received: 'missing' }),
    ]);
  });

  it('names the rule a written text broke', async () => {
    const answer = await crew.qc.post(
      `/pours/${pour.id}/documents`,
      documentForm('cement_report', TINY_PDF, 'a.pdf', '   '),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([expect.objectContaining({ path: 'title', code: 'custom', rule: 'empty' })]);
  });

  it('refuses a slump the cone cannot show as the bound of the slump field', async () => {
    const onSite = await loadOnSite(crew, pour);
    const answer = await recordQcTest(crew.qc, onSite.id, { stage: 'site', slumpMm: 500 });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'implausible_reading',
      facts: { slumpKind: 'slump', measuredMm: 500, minimumMm: 0, maximumMm: 300 },
      issues: [{ path: 'slumpMm', code: 'too_big', origin: 'number', maximum: 300, inclusive: true }],
    });
  });

  it('sends a failed test’s reasons with their figures, and keeps them so', async () => {
    const onSite = await loadOnSite(crew, pour);
    const answer = await recordQcTest(crew.qc, onSite.id, { stage: 'site', slumpMm: FAILING_SLUMP_MM });
    expect(answer.status).toBe(201);
    const reason = {
      code: 'slump_out_of_tolerance',
      message: expect.stringContaining(`slump ${FAILING_SLUMP_MM} mm outside`),
      params: {
        slumpKind: 'slump',
        measuredMm: FAILING_SLUMP_MM,
        designMm: pour.slumpTargetMm,
        toleranceMm: expect.any(Number),
      },
    };
    expect((answer.body as QcTestDto).reasons).toEqual([reason]);
    const stored = await crew.qc.get<QcTestDto[]>(`/loads/${onSite.id}/qc-tests`);
    expect(stored.body.find((test) => test.id === answer.body.id)?.reasons).toEqual([reason]);
  });

  it('names the undelivered reports of the document gate by their types, as facts', async () => {
    const draft = await createPour(crew.dispatcher, world);
    await expectCreated(crew.dispatcher.post(`/pours/${draft.id}/status`, { status: 'confirmed' }));
    const answer = await crew.dispatcher.post(`/pours/${draft.id}/status`, { status: 'ready' });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('documents_undelivered');
    expect(answer.body.facts.documentTypes).toEqual(expect.arrayContaining(['cement_report', 'admixture_report']));
  });

  it('flags the same file uploaded twice as the same report of a pour, and keeps it when confirmed', async () => {
    const file = Buffer.concat([TINY_PDF, Buffer.from(`% ${pour.id}\n`)]);
    const first = await expectCreated(
      crew.qc.post(`/pours/${pour.id}/documents`, documentForm('sand_report', file, 'sand.pdf', 'Sand, lot 7')),
    );
    const again = await crew.qc.post(`/pours/${pour.id}/documents`, documentForm('sand_report', file, 'copy.pdf'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'duplicate_document',
      facts: { documentId: first.id, type: 'sand_report', title: 'Sand, lot 7', fileName: 'sand.pdf' },
    });
    const listed = await crew.qc.get<{ fileName: string }[]>(`/pours/${pour.id}/documents`);
    expect(listed.body.filter((document) => document.fileName === 'copy.pdf')).toEqual([]);

    // Another type of report may hold the same file; a confirmed copy is kept.
    await expectCreated(crew.qc.post(`/pours/${pour.id}/documents`, documentForm('cement_report', file)));
    const confirmed = documentForm('sand_report', file, 'copy.pdf');
    confirmed.append('confirmDuplicate', 'true');
    await expectCreated(crew.qc.post(`/pours/${pour.id}/documents`, confirmed));
  });

  it('names the pour and site of a pump breakdown, in its live payload and its alert', async () => {
    const answer = await crew.dispatcher.post<PumpStatusDto>(`/pumps/${world.pump.id}/status`, {
      status: 'breakdown',
      note: 'Hydraulic hose burst',
    });
    expect(answer.status).toBe(201);
    const served = { pourId: pour.id, structuralElement: pour.structuralElement, siteName: pour.projectName };
    expect(answer.body.pour).toEqual(served);
    // The alert is kept once the live relay has numbered its event.
    const deadline = Date.now() + 10_000;
    let alert: AlertDto | undefined;
    while (!alert && Date.now() < deadline) {
      const alerts = await crew.dispatcher.get<AlertDto[]>('/alerts?open=true');
      alert = alerts.body.find(
        (item) => item.type === 'pump.status.v1' && (item.payload as PumpStatusDto).pumpId === world.pump.id,
      );
      if (!alert) await sleep(200);
    }
    expect((alert?.payload as PumpStatusDto).pour).toEqual(served);
    expect(alert?.summary).toContain(`at ${pour.projectName}, ${pour.structuralElement}`);
  });
});
