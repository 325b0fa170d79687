import type { INestApplication } from '@nestjs/common';
import { localDateInZone } from '@pourline/domain';
import { PoursService } from '../modules/pours/pours.service';
import { UsersRepository } from '../modules/users/users.repository';
import { actorOf } from './demo-actors';
import { seedToday } from './demo-day-seeder';
import { seedMasterData } from './demo-master-data-seeder';
import { hasStrengthHistory, seedStrengthHistory } from './demo-strength-history-seeder';
import { DEMO_TIME_ZONE } from './demo-places';

/**
 * A working day of a ready-mix producer in Jiangning, Nanjing. Master data is
 * seeded once, on a database without the "admin" account; five months of
 * strength results once, when no specimen set older than a week exists;
 * today's pours whenever nothing is planned for today, so a demo started on
 * any later day again shows pours done, under way and coming.
 */
export async function seedDemo(app: INestApplication, log: (line: string) => void): Promise<void> {
  const users = app.get(UsersRepository);
  if (await users.findByUsername('admin')) {
    log('demo: master data already present');
  } else {
    await seedMasterData(app, log);
  }
  const admin = await users.findByUsername('admin');
  if (!admin) throw new Error('demo: the admin account is missing after seeding');
  const adminActor = actorOf(admin);
  const qc = await users.findByUsername('qc');
  const qcActor = qc?.role === 'qc_inspector' ? actorOf(qc) : adminActor;

  if (await hasStrengthHistory(app)) log('demo: strength history already present');
  else await seedStrengthHistory(app, qcActor, log);

  const day = localDateInZone(new Date(), DEMO_TIME_ZONE);
  const planned = await app.get(PoursService).list({ page: 1, pageSize: 1, day }, adminActor);
  if (planned.total > 0) {
    log(`demo: ${planned.total} pours already planned for ${day}`);
    return;
  }
  // Attribute the day's work as it happens in a plant; fall back to the administrator.
  const dispatcher = await users.findByUsername('dispatcher');
  const actors = {
    planner: dispatcher?.role === 'dispatcher' ? actorOf(dispatcher) : adminActor,
    qc: qcActor,
  };
  await seedToday(app, actors, day, log);
}
