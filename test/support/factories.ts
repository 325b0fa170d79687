import { randomUUID } from 'node:crypto';
import type { CreatePourRequest, PourDto } from '@pourline/contracts';
import { Http, login } from './http';
import { ADMIN_PASSWORD, type TestRole } from './test-constants';

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid % 1000}${Date.now().toString(36).slice(-4)}${counter}`.slice(0, 20);
}

export const square = (lat: number, lng: number, half = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng - half, lat - half],
      [lng + half, lat - half],
      [lng + half, lat + half],
      [lng - half, lat + half],
      [lng - half, lat - half],
    ] as [number, number][],
  ],
});

export const route = (from: [number, number], to: [number, number]) => ({
  type: 'LineString' as const,
  coordinates: [from, [(from[0] + to[0]) / 2, from[1]], to] as [number, number][],
});

export const adminSession = () => login('admin', ADMIN_PASSWORD);

export async function expectCreated<T = any>(promise: Promise<{ status: number; body: T }>): Promise<T> {
  const answer = await promise;
  if (answer.status !== 201 && answer.status !== 200) {
    throw new Error(`expected a success, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** A customer account belongs to a customer: a fresh one unless `customerId` names it. */
export async function createUser(admin: Http, role: TestRole, customerId?: string) {
  const username = unique(role.replace('_', '').slice(0, 6)).toLowerCase();
  const password = `pw-${randomUUID()}`;
  const link = role === 'customer' ? { customerId: customerId ?? (await createCustomer(admin)).id } : {};
  const user = await expectCreated(
    admin.post('/users', { username, displayName: `Test ${role}`, role, password, ...link }),
  );
  return { user, session: await login(username, password), username, password };
}

export async function createPlant(admin: Http, timeZone = 'Asia/Shanghai') {
  return expectCreated(
    admin.post('/plants', {
      code: unique('P'),
      name: 'Test plant',
      address: 'Test road 1',
      location: { lat: 31.9, lng: 118.8 },
      geofence: square(31.9, 118.8),
      timeZone,
      slumpStandard: 'gb_t_14902',
    }),
  );
}

export async function createCustomer(admin: Http) {
  return expectCreated(admin.post('/customers', { name: unique('Customer '), contactName: 'Li', phone: '123' }));
}

export async function createProject(admin: Http, plantId: string, siteDispatcherIds: string[] = []) {
  const customer = await createCustomer(admin);
  return expectCreated(
    admin.post('/projects', {
      customerId: customer.id,
      plantId,
      name: unique('Site '),
      address: 'Site road 2',
      location: { lat: 31.95, lng: 118.85 },
      geofence: square(31.95, 118.85),
      contacts: [{ name: 'Zhang', role: 'foreman', phone: '456' }],
      siteDispatcherIds,
    }),
  );
}

export async function createMix(admin: Http) {
  return expectCreated(
    admin.post('/mixes', {
      code: unique('C30-'),
      strengthGrade: 'C30',
      cementKgPerM3: 380,
      waterKgPerM3: 175,
      maxWaterCementRatio: 0.5,
      targetSlumpMm: 180,
      initialSettingMinutes: 420,
    }),
  );
}

export async function createPump(admin: Http, homePlantId: string) {
  return expectCreated(
    admin.post('/pumps', { code: unique('PU'), kind: 'boom', capacityM3PerHour: 120, boomLengthM: 47, homePlantId }),
  );
}

export interface PourWorld {
  plant: any;
  project: any;
  mix: any;
  pump: any;
}

export async function createWorld(admin: Http, siteDispatcherIds: string[] = []): Promise<PourWorld> {
  const plant = await createPlant(admin);
  const [project, mix, pump] = await Promise.all([
    createProject(admin, plant.id, siteDispatcherIds),
    createMix(admin),
    createPump(admin, plant.id),
  ]);
  return { plant, project, mix, pump };
}

const HOUR_MS = 3_600_000;
/** Longer than a factory pour's pump booking (240.5 m³ at 45 m³/h, set-up and clean-down), edits included. */
const SLOT_MS = 12 * HOUR_MS;
/** Yesterday 01:30 UTC: loading a factory pour is never hours early. */
const FIRST_SLOT_MS = Math.floor(Date.now() / (24 * HOUR_MS)) * 24 * HOUR_MS - 24 * HOUR_MS + 1.5 * HOUR_MS;
let slotsTaken = 0;

/**
 * Each factory plan gets its own slot, going back in time, since a world has
 * one pump and the API refuses to book it for two pours at once.
 */
function nextSlot(): string {
  return new Date(FIRST_SLOT_MS - slotsTaken++ * SLOT_MS).toISOString();
}

export function pourPlan(world: PourWorld, overrides: Partial<CreatePourRequest> = {}): CreatePourRequest {
  return {
    projectId: world.project.id,
    plantId: world.plant.id,
    structuralElement: '3F slab, axis A-D',
    scheduledStart: overrides.scheduledStart ?? nextSlot(),
    volumeM3: 240.5,
    pourRateM3PerHour: 45,
    startPoint: { lat: 31.9501, lng: 118.8501 },
    endPoint: { lat: 31.9509, lng: 118.8512 },
    direction: 'from axis A towards D, north to south',
    pumpId: world.pump.id,
    pumpPosition: { lat: 31.9498, lng: 118.8495 },
    pumpingMethod: 'boom_pump',
    entryRoute: route([118.8, 31.9], [118.85, 31.95]),
    exitRoute: route([118.85, 31.95], [118.8005, 31.9]),
    truckCount: 8,
    mixId: world.mix.id,
    slumpTargetMm: 180,
    slumpToleranceMm: 30,
    initialSettingMinutes: 420,
    notes: 'Keep the east gate clear',
    ...overrides,
  };
}

export async function createPour(
  session: Http,
  world: PourWorld,
  overrides: Partial<CreatePourRequest> = {},
): Promise<PourDto> {
  return expectCreated(session.post('/pours', pourPlan(world, overrides)));
}

/** A small but real PDF: the API checks a file's first bytes, not its name. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export function documentForm(
  type: string,
  content: Buffer = TINY_PDF,
  fileName = 'report.pdf',
  title = `${type} report`,
) {
  const form = new FormData();
  form.append('type', type);
  form.append('title', title);
  form.append('file', new Blob([new Uint8Array(content)]), fileName);
  return form;
}

export const REQUIRED_DOCUMENT_TYPES = [
  'mix_design_report',
  'cement_report',
  'coarse_aggregate_report',
  'sand_report',
  'admixture_report',
];

export async function deliverAllReports(qc: Http, pourId: string): Promise<void> {
  for (const type of REQUIRED_DOCUMENT_TYPES) {
    const document = await expectCreated(qc.post(`/pours/${pourId}/documents`, documentForm(type)));
    await expectCreated(qc.post(`/documents/${document.id}/delivery`, { deliveredTo: 'Site engineer Zhou' }));
  }
}
