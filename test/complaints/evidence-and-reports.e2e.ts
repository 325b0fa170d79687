import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EvidencePackDto, PourReportDto, ProductionDayDto, QcPassRateDto } from '@pourline/contracts';
import { adminSession, createUser, expectCreated } from '../support/factories';
import { apiUrl, type Http, login } from '../support/http';
import {
  FAILING_SLUMP_MM,
  type LoadCrew,
  createCrew,
  createLoadWorld,
  createReadyPour,
  loadAt,
  loadOnSite,
  plantDay,
  recordQcTest,
} from '../support/load-factories';
import { createTrackedTruck, queryE2eDatabase } from '../support/live-support';
import { drawnSignature } from '../support/signatures';

const HOSTILE_NAME = '=HYPERLINK("http://evil","x")';

async function download(session: Http, path: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const response = await fetch(apiUrl(path), { headers: { authorization: `Bearer ${session.token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const csvRows = (bytes: Buffer): Record<string, string>[] => parse(bytes.toString('utf8'), { columns: true });

/**
 * A pour with a delivered load (tested, watered, sampled, traced) and a
 * rejected one: its evidence pack as a page and a PDF, and the reports with
 * their CSV twins, which must say what the API says.
 */
describe('The evidence pack and the reports of a pour', () => {
  let crew: LoadCrew;
  let afterSales: Http;
  let hostileQc: Http;
  let pour: { id: string; plantId: string };
  let delivered: { id: string; ticketNumber: string };
  let rejected: { id: string; ticketNumber: string };
  let today: string;
  const tmp = mkdtempSync(join(tmpdir(), 'evidence-'));

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    afterSales = (await createUser(admin, 'after_sales')).session;
    const username = `hostile${Date.now().toString(36)}`;
    await expectCreated(
      admin.post('/users', { username, displayName: HOSTILE_NAME, role: 'qc_inspector', password: 'pw-hostile-123' }),
    );
    hostileQc = await login(username, 'pw-hostile-123');
    const world = await createLoadWorld(admin, crew);
    today = plantDay('Asia/Shanghai').replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    pour = await createReadyPour(crew, world);
    const truck = await createTrackedTruck(admin, pour.plantId);
    const load = await loadAt(crew, pour, 'discharging', { truck });
    await expectCreated(
      crew.qc.post(`/loads/${load.id}/water`, { litres: 40, addedBy: 'Driver Wang', requestedBy: 'Foreman Li' }),
    );
    await expectCreated(crew.qc.post(`/pours/${pour.id}/specimen-sets`, { loadId: load.id }));
    await expectCreated(
      crew.site.post(`/loads/${load.id}/ticket/signature`, {
        outcome: 'signed',
        moment: 'discharge',
        signerName: 'Foreman Li',
        signature: drawnSignature(),
      }),
    );
    await expectCreated(crew.dispatcher.post(`/loads/${load.id}/end-discharge`, {}));
    delivered = load;
    const events: { toStatus: string; at: string }[] = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body;
    const left = Date.parse(events.find((event) => event.toStatus === 'en_route')!.at);
    const ended = Date.parse(events.find((event) => event.toStatus === 'discharged')!.at);
    // Three stored fixes of the truck on its way, between leaving the plant and the end of discharge.
    for (const [index, [lat, lng]] of [
      [31.91, 118.81],
      [31.925, 118.83],
      [31.94, 118.845],
    ].entries()) {
      await queryE2eDatabase(
        `INSERT INTO positions (device_id, entity_type, entity_id, fix_time, lat, lng) VALUES ($1, 'truck', $2, $3, $4, $5)`,
        [truck.deviceId, truck.id, new Date(left + ((index + 1) * (ended - left)) / 4), lat, lng],
      );
    }
    const second = await loadOnSite(crew, pour);
    const failed = await recordQcTest(hostileQc, second.id, {
      stage: 'site',
      slumpMm: FAILING_SLUMP_MM,
      temperatureC: 20,
    });
    expect(failed.body.outcome).toBe('rejected');
    rejected = second;
    await expectCreated(
      crew.dispatcher.post(`/pours/${pour.id}/messages`, { code: 'text', text: 'Pump ready at axis A' }),
    );
  }, 120_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('assembles each load with its times, water, tests, specimens and trace, and the pour’s log', async () => {
    const answer = await afterSales.get<EvidencePackDto>(`/pours/${pour.id}/evidence`);
    expect(answer.status).toBe(200);
    const pack = answer.body;
    const first = pack.loads.find((load) => load.loadId === delivered.id)!;
    expect(first).toMatchObject({ ticketNumber: delivered.ticketNumber, waterAddedLitres: 40, rejected: false });
    for (const time of ['batchedAt', 'leftPlantAt', 'arrivedAt', 'dischargeStartedAt', 'dischargeEndedAt'] as const)
      expect(first[time]).toEqual(expect.any(String));
    expect(first.water).toEqual([
      expect.objectContaining({ litres: 40, addedBy: 'Driver Wang', requestedBy: 'Foreman Li' }),
    ]);
    expect(first.tests.map((test) => [test.stage, test.pass])).toEqual([
      ['plant', true],
      ['site', true],
    ]);
    expect(first.tests[0].ruleSetVersion).toMatch(/\S/);
    expect(first.specimens).toHaveLength(1);
    expect(first.signatures).toEqual([
      expect.objectContaining({
        ticketVersion: 1,
        outcome: 'signed',
        moment: 'discharge',
        signature: expect.objectContaining({
          signerName: 'Foreman Li',
          imageDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        }),
      }),
    ]);
    expect(first.trace.map(([lat, lng]) => [lat, lng])).toEqual([
      [31.91, 118.81],
      [31.925, 118.83],
      [31.94, 118.845],
    ]);
    const second = pack.loads.find((load) => load.loadId === rejected.id)!;
    expect(second.rejected).toBe(true);
    expect(second.tests.at(-1)).toMatchObject({ pass: false, outcome: 'rejected', inspectorName: HOSTILE_NAME });
    expect(pack.messages.map((message) => message.text)).toContain('Pump ready at axis A');
  });

  it('renders it as a PDF whose pages open and hold the tests and the trace', async () => {
    const pdf = await download(afterSales, `/pours/${pour.id}/evidence/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const file = join(tmp, 'pack.pdf');
    writeFileSync(file, pdf.bytes);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, join(tmp, 'page')]);
    expect(readdirSync(tmp).filter((name) => name.startsWith('page')).length).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const pack: EvidencePackDto = (await afterSales.get(`/pours/${pour.id}/evidence`)).body;
    expect(text).toContain(delivered.ticketNumber);
    expect(text).toContain(rejected.ticketNumber);
    expect(text).toContain(`rule set ${pack.loads[0].tests[0].ruleSetVersion}`);
    expect(text).toMatch(/fail \(rejected\)/);
    expect(text).toContain('GPS trace (3 fixes)');
    expect(text).toContain('Pump ready at axis A');
    expect(text).toContain('40 L');
    expect(text).toMatch(/ticket version 1: signed at discharge — Foreman Li/);
    // The drawn signature is in the PDF as an image.
    const images = execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
  });

  it('writes the PDF in Chinese when asked, and refuses a language it does not have', async () => {
    const pdf = await download(afterSales, `/pours/${pour.id}/evidence/pdf?lang=zh-CN`);
    const file = join(tmp, 'pack-zh.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('证据包');
    expect(text).toContain('GPS 轨迹');
    // The failed test's outcome and figures are in Chinese too, not the English sentence stored beside them.
    expect(text).toContain('拒收');
    expect(text).toContain(`坍落度 ${FAILING_SLUMP_MM} mm，超出`);
    expect(text).not.toMatch(/outside|rejected\)/);
    expect((await afterSales.get(`/pours/${pour.id}/evidence/pdf?lang=fr`)).status).toBe(400);
    expect((await crew.site.get(`/pours/${pour.id}/evidence`)).status).toBe(403);
  });

  it('reports the pour: planned against delivered, loads, rejections with reasons, cycle times', async () => {
    const report: PourReportDto = (await afterSales.get(`/reports/pours/${pour.id}`)).body;
    expect(report).toMatchObject({ plannedM3: 240.5, deliveredM3: 10, rejectedM3: 10, loads: 2, rejectedLoads: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({
        ticketNumber: rejected.ticketNumber,
        reasons: [expect.objectContaining({ code: 'slump_out_of_tolerance' })],
      }),
    ]);
    const csv = await download(afterSales, `/reports/pours/${pour.id}/loads.csv`);
    expect(csv.type).toContain('text/csv');
    const rows = csvRows(csv.bytes);
    expect(rows.map((row) => row.ticket)).toEqual(report.cycles.map((cycle) => cycle.ticketNumber));
    for (const [index, cycle] of report.cycles.entries()) {
      expect(rows[index].discharge_min).toBe(cycle.dischargeMinutes === null ? '' : String(cycle.dischargeMinutes));
      expect(rows[index].rejected).toBe(String(cycle.ticketNumber === rejected.ticketNumber));
    }
  });

  it('reports the day’s production per plant, and its CSV matches', async () => {
    const query = `from=${today}&to=${today}&plantId=${pour.plantId}`;
    const days: ProductionDayDto[] = (await afterSales.get(`/reports/production?${query}`)).body;
    expect(days).toEqual([expect.objectContaining({ day: today, loads: 2, deliveredM3: 10, rejectedM3: 10 })]);
    const rows = csvRows((await download(afterSales, `/reports/production.csv?${query}`)).bytes);
    expect(rows).toEqual(
      days.map((day) => ({
        day: day.day,
        plant: day.plantName,
        loads: String(day.loads),
        delivered_m3: String(day.deliveredM3),
        rejected_m3: String(day.rejectedM3),
      })),
    );
  });

  it('reports QC pass rates by inspector, a hostile name escaped in the CSV', async () => {
    const query = `from=${today}&to=${today}&plantId=${pour.plantId}&by=inspector`;
    const rates: QcPassRateDto[] = (await afterSales.get(`/reports/qc-pass-rates?${query}`)).body;
    expect(rates.find((rate) => rate.label === HOSTILE_NAME)).toMatchObject({
      tests: 1,
      passed: 0,
      passRatePercent: 0,
    });
    const csv = await download(afterSales, `/reports/qc-pass-rates.csv?${query}`);
    expect(csv.bytes.toString()).not.toMatch(/(^|,|")=HYPERLINK/m);
    const rows = csvRows(csv.bytes);
    expect(rows.map((row) => row.inspector)).toEqual(
      rates.map((rate) => (rate.label.startsWith('=') ? `'${rate.label}` : rate.label)),
    );
    expect(rows.map((row) => Number(row.pass_rate_percent))).toEqual(rates.map((rate) => rate.passRatePercent));
  });

  it('refuses a report range that is backwards, too long, or carries unknown fields', async () => {
    expect((await afterSales.get(`/reports/production?from=2026-12-02&to=2026-12-01`)).status).toBe(400);
    expect((await afterSales.get(`/reports/production?from=2024-01-01&to=2026-01-01`)).status).toBe(400);
    expect((await afterSales.get(`/reports/production?from=${today}&to=${today}&x=1`)).status).toBe(400);
    expect((await afterSales.get(`/reports/qc-pass-rates?from=${today}&to=${today}&by=truck`)).status).toBe(400);
    expect((await crew.site.get(`/reports/production?from=${today}&to=${today}`)).status).toBe(403);
  });
});
