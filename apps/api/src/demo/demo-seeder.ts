import type { INestApplication } from '@nestjs/common';
import { DEMO_FLEET_ACCOUNT } from '@pourline/contracts';
import type { Clock } from '../platform/clock/clock';
import { UsersRepository } from '../modules/users/users.repository';
import { UsersService } from '../modules/users/users.service';
import { actorOf } from '../platform/auth/actor-of';
import type { DemoDayActors } from './demo-day-seeder';
import { hasComplaints, seedDemoComplaints } from './demo-complaints-seeder';
import { DemoDayKeeper } from './demo-day-keeper';
import { seedMasterData } from './demo-master-data-seeder';
import { hasStrengthHistory, seedStrengthHistory } from './demo-strength-history-seeder';
import { IdentityRepository } from '../platform/auth/identity.repository';
import { DEMO_CUSTOMER_USER } from './demo-users';

type Log = (line: string) => void;

/**
 * A working day of a ready-mix producer in Jiangning, Nanjing. Master data is
 * seeded once, on a database without the "admin" account; five months of
 * strength results once, when no specimen set older than a week exists; the demo fleet's
 * system account whenever it is missing; then the day keeper closes what past
 * days left open and plans today whenever nothing is planned for today, so a
 * demo started (or left running) on any later day again shows pours done,
 * under way and coming.
 */
export async function startDemo(
  app: INestApplication,
  options: { clock: Clock; checkEveryMs: number; log: Log },
): Promise<DemoDayKeeper> {
  const { log } = options;
  const users = app.get(UsersRepository);
  if (await users.findByUsername('admin')) {
    log('demo: master data already present');
  } else {
    await seedMasterData(app, log);
  }
  const admin = await users.findByUsername('admin');
  if (!admin) throw new Error('demo: the admin account is missing after seeding');
  if (!(await users.findByUsername(DEMO_FLEET_ACCOUNT.username))) {
    await app.get(UsersService).ensureSystemAccount(DEMO_FLEET_ACCOUNT, actorOf(admin));
    log(`demo: created the system account "${DEMO_FLEET_ACCOUNT.username}" the demo fleet acts as`);
  }
  if (await hasStrengthHistory(app)) {
    log('demo: strength history already present');
  } else {
    const qc = await users.findByUsername('qc');
    // Dated by the demo's clock, so the history ends before the day the keeper plans.
    await seedStrengthHistory(app, actorOf(qc?.role === 'qc_inspector' ? qc : admin), log, options.clock.now());
  }
  const keeper = new DemoDayKeeper(app, options.clock, () => demoActors(app), log);
  await keeper.check();
  const afterSales = await users.findByUsername('aftersales');
  if (afterSales?.role === 'after_sales' && !(await hasComplaints(app))) {
    await seedDemoComplaints(app, actorOf(afterSales), log);
  }
  keeper.start(options.checkEveryMs);
  return keeper;
}

/** Attribute the day's work as it happens in a plant; fall back to the administrator. */
async function demoActors(app: INestApplication): Promise<DemoDayActors> {
  const users = app.get(UsersRepository);
  const [admin, dispatcher, qc, fleet, customer] = await Promise.all(
    ['admin', 'dispatcher', 'qc', DEMO_FLEET_ACCOUNT.username, DEMO_CUSTOMER_USER.username].map((username) =>
      users.findByUsername(username),
    ),
  );
  if (!admin) throw new Error('demo: the admin account is missing');
  if (fleet?.role !== 'system') throw new Error(`demo: the system account "${DEMO_FLEET_ACCOUNT.username}" is missing`);
  const adminActor = actorOf(admin);
  return {
    planner: dispatcher?.role === 'dispatcher' ? actorOf(dispatcher) : adminActor,
    qc: qc?.role === 'qc_inspector' ? actorOf(qc) : adminActor,
    fleet: actorOf(fleet),
    // With its projects: the account acknowledges reports only of pours it can see.
    customer: customer?.role === 'customer' ? await app.get(IdentityRepository).findActiveIdentity(customer.id) : null,
  };
}
