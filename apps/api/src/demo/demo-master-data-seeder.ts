import type { INestApplication } from '@nestjs/common';
import {
  CreateCustomerRequest,
  CreateMixRequest,
  CreatePlantRequest,
  CreateProjectRequest,
  CreatePumpRequest,
  CreateTruckRequest,
  CreateUserRequest,
  type CurrentUser,
} from '@pourline/contracts';
import { CustomersService } from '../modules/customers/customers.service';
import { PumpsService } from '../modules/fleet/pumps.service';
import { TrucksService } from '../modules/fleet/trucks.service';
import { MixesService } from '../modules/mixes/mixes.service';
import { PlantsService } from '../modules/plants/plants.service';
import { ProjectsService } from '../modules/projects/projects.service';
import { UsersService } from '../modules/users/users.service';
import { actorOf } from './demo-actors';
import { DEMO_CUSTOMERS, type DemoCustomerKey } from './demo-customers';
import { DEMO_PUMPS, DEMO_TRUCKS } from './demo-fleet';
import { DEMO_MIXES } from './demo-mixes';
import { DEMO_PLANTS, DEMO_SITES, DEMO_TIME_ZONE, type DemoPlantKey } from './demo-places';
import { DEMO_CUSTOMER_USER, DEMO_PASSWORD, DEMO_USERS } from './demo-users';

type Log = (line: string) => void;

/**
 * Users, plants, customers, projects, mixes and fleet of the demo, created
 * through the services with each request parsed by its wire schema first, as
 * the HTTP pipe would, so defaults and cross-field rules apply.
 */
export async function seedMasterData(app: INestApplication, log: Log): Promise<void> {
  const { admin, siteDispatcherId, supervisorId, plantOperatorId } = await seedUsers(app, log);
  const plantIds = await seedPlants(app, plantOperatorId, log);
  const customerIds = await seedCustomers(app, log);
  await seedProjects(app, plantIds, customerIds, { siteDispatcherId, supervisorId }, log);
  await seedCustomerUser(app, customerIds, admin, log);
  await seedMixes(app, log);
  await seedFleet(app, plantIds, log);
}

async function seedUsers(app: INestApplication, log: Log) {
  const users = app.get(UsersService);
  let admin: CurrentUser | null = null;
  let siteDispatcherId = '';
  let supervisorId = '';
  let plantOperatorId = '';
  for (const user of DEMO_USERS) {
    // The administrator is the first account; everything after it is done in its name.
    const created = await users.create(CreateUserRequest.parse(user), admin);
    if (user.role === 'admin') admin = actorOf(created);
    if (user.role === 'site_dispatcher') siteDispatcherId = created.id;
    if (user.role === 'supervisor') supervisorId = created.id;
    if (user.role === 'plant_operator') plantOperatorId = created.id;
  }
  if (!admin) throw new Error('the demo user list has no administrator');
  const names = DEMO_USERS.map((user) => `${user.username} (${user.role})`).join(', ');
  log(`demo: created users ${names}, all with password "${DEMO_PASSWORD}"`);
  return { admin, siteDispatcherId, supervisorId, plantOperatorId };
}

async function seedCustomerUser(
  app: INestApplication,
  customerIds: Record<DemoCustomerKey, string>,
  admin: CurrentUser,
  log: Log,
): Promise<void> {
  const { customer, ...user } = DEMO_CUSTOMER_USER;
  await app.get(UsersService).create(CreateUserRequest.parse({ ...user, customerId: customerIds[customer] }), admin);
  log(`demo: created user ${user.username} (${user.role}) of ${DEMO_CUSTOMERS[customer].name}`);
}

/** The demo's plant operator runs the control room of the first plant, JN-01. */
const OPERATED_PLANT_CODE = 'JN-01';

async function seedPlants(
  app: INestApplication,
  plantOperatorId: string,
  log: Log,
): Promise<Record<DemoPlantKey, string>> {
  const plants = app.get(PlantsService);
  const ids = {} as Record<DemoPlantKey, string>;
  for (const [key, plant] of Object.entries(DEMO_PLANTS) as [DemoPlantKey, (typeof DEMO_PLANTS)[DemoPlantKey]][]) {
    const operatorIds = plant.code === OPERATED_PLANT_CODE && plantOperatorId ? [plantOperatorId] : [];
    const request = CreatePlantRequest.parse({
      ...plant,
      timeZone: DEMO_TIME_ZONE,
      slumpStandard: 'gb_t_14902',
      operatorIds,
    });
    ids[key] = (await plants.create(request)).id;
  }
  log(
    `demo: created plants ${Object.values(DEMO_PLANTS)
      .map((plant) => `${plant.code} ${plant.name}`)
      .join(', ')}`,
  );
  return ids;
}

async function seedCustomers(app: INestApplication, log: Log): Promise<Record<DemoCustomerKey, string>> {
  const customers = app.get(CustomersService);
  const ids = {} as Record<DemoCustomerKey, string>;
  for (const [key, customer] of Object.entries(DEMO_CUSTOMERS) as [DemoCustomerKey, CreateCustomerRequest][]) {
    ids[key] = (await customers.create(CreateCustomerRequest.parse(customer))).id;
  }
  log(`demo: created ${Object.keys(ids).length} customers`);
  return ids;
}

async function seedProjects(
  app: INestApplication,
  plantIds: Record<DemoPlantKey, string>,
  customerIds: Record<DemoCustomerKey, string>,
  people: { siteDispatcherId: string; supervisorId: string },
  log: Log,
): Promise<void> {
  const projects = app.get(ProjectsService);
  const assigned: string[] = [];
  const supervised: string[] = [];
  for (const site of Object.values(DEMO_SITES)) {
    const request = CreateProjectRequest.parse({
      customerId: customerIds[site.customer],
      plantId: plantIds[site.plant],
      name: site.name,
      address: site.address,
      location: site.location,
      geofence: site.geofence,
      contacts: site.contacts,
      siteDispatcherIds: site.siteDispatcher ? [people.siteDispatcherId] : [],
      supervisorIds: site.supervisor ? [people.supervisorId] : [],
    });
    await projects.create(request);
    if (site.siteDispatcher) assigned.push(site.name);
    if (site.supervisor) supervised.push(site.name);
  }
  log(`demo: created ${Object.keys(DEMO_SITES).length} projects; user "site" follows ${assigned.join(' and ')}`);
  log(`demo: user "supervisor" supervises ${supervised.join(' and ')}`);
}

async function seedMixes(app: INestApplication, log: Log): Promise<void> {
  const mixes = app.get(MixesService);
  for (const mix of Object.values(DEMO_MIXES)) await mixes.create(CreateMixRequest.parse(mix));
  log(
    `demo: created mixes ${Object.values(DEMO_MIXES)
      .map((mix) => mix.code)
      .join(', ')}`,
  );
}

async function seedFleet(app: INestApplication, plantIds: Record<DemoPlantKey, string>, log: Log): Promise<void> {
  const trucks = app.get(TrucksService);
  for (const { plant, ...truck } of DEMO_TRUCKS) {
    await trucks.create(CreateTruckRequest.parse({ ...truck, homePlantId: plantIds[plant] }));
  }
  log(
    `demo: created ${DEMO_TRUCKS.length} mixer trucks (${DEMO_TRUCKS[0].fleetNumber}–${DEMO_TRUCKS.at(-1)!.fleetNumber})`,
  );
  const pumps = app.get(PumpsService);
  for (const { plant, ...pump } of Object.values(DEMO_PUMPS)) {
    await pumps.create(CreatePumpRequest.parse({ ...pump, homePlantId: plantIds[plant] }));
  }
  const described = Object.values(DEMO_PUMPS).map(
    (pump) => `${pump.code} ${pump.boomLengthM ? `${pump.boomLengthM} m boom` : 'line pump'}`,
  );
  log(`demo: created pumps ${described.join(', ')}`);
}
