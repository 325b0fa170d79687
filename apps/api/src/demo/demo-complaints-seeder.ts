import type { INestApplication } from '@nestjs/common';
import type { CurrentUser } from '@pourline/contracts';
import { DataSource } from 'typeorm';
import { ComplaintTimers } from '../modules/complaints/complaint-timers.service';
import { ComplaintWorkflow } from '../modules/complaints/complaint-workflow.service';
import { ComplaintsRepository } from '../modules/complaints/complaints.repository';
import { ComplaintsService } from '../modules/complaints/complaints.service';

type Log = (line: string) => void;

export async function hasComplaints(app: INestApplication): Promise<boolean> {
  const rows: unknown[] = await app.get(DataSource).query('SELECT 1 FROM complaints LIMIT 1');
  return rows.length > 0;
}

/**
 * A few complaints for after-sales to find on its first look: one closed with
 * the customer's satisfaction, one being rectified, one only just answered, a
 * suggestion, and a delivery complaint nobody acknowledged in time, raised as
 * an overdue alert. Each is dated back as if received earlier, its steps with it.
 */
export async function seedDemoComplaints(app: INestApplication, afterSales: CurrentUser, log: Log): Promise<void> {
  const dataSource = app.get(DataSource);
  const complaints = app.get(ComplaintsService);
  const workflow = app.get(ComplaintWorkflow);
  const repository = app.get(ComplaintsRepository);
  const pours: { id: string }[] = await dataSource.query(
    `SELECT pour.id FROM pours pour
      WHERE EXISTS (SELECT 1 FROM loads load WHERE load.pour_id = pour.id AND load.status IN ('discharged', 'returning', 'back_at_plant'))
      ORDER BY pour.scheduled_start DESC LIMIT 3`,
  );
  if (pours.length === 0) {
    log('demo: no delivered pour yet; complaints are seeded on a later start');
    return;
  }
  const pourAt = (index: number) => pours[index % pours.length].id;
  const step = (id: string, to: Parameters<ComplaintWorkflow['step']>[1]['to'], note: string) =>
    workflow.step(id, { to, note }, afterSales);

  const closed = await complaints.raise(
    {
      kind: 'complaint',
      category: 'quality',
      pourId: pourAt(1),
      title: 'Surface dusting on the ground-floor slab',
      description: 'The site reports a dusty, weak surface on part of the slab two days after the pour.',
      concreteReturned: false,
    },
    afterSales,
  );
  await step(closed.id, 'acknowledged', 'Called the site manager; visit booked for the morning');
  await step(closed.id, 'investigating', 'Cores taken; batch records and the site’s curing log pulled');
  const repair = await workflow.addAction(
    closed.id,
    {
      description: 'Grind and apply a surface hardener on the affected bays',
      owner: 'Site service team',
      dueDate: isoDay(2),
    },
    afterSales,
  );
  await step(closed.id, 'rectification', 'Curing started late on site; hardener agreed with the customer');
  await workflow.completeAction(closed.id, repair.actions[0].id, { note: 'Hardener applied on bays 3–5' }, afterSales);
  await step(closed.id, 'verified', 'Checked with the supervising engineer: surface sound');
  await workflow.followUp(
    closed.id,
    {
      visitedOn: isoDay(-1),
      note: 'Visited with the project manager',
      satisfaction: 4,
      satisfactionComment: 'Quick repair; we would like a reminder about curing next time.',
    },
    afterSales,
  );
  await step(closed.id, 'closed', 'Customer satisfied; curing reminder added to the pre-pour checklist');
  await repository.backdate(closed.id, 3 * 24 * 60);

  const rectifying = await complaints.raise(
    {
      kind: 'complaint',
      category: 'quality',
      pourId: pourAt(0),
      title: 'Honeycombing at the column bases',
      description: 'Voids visible at the base of columns C3 and C4 after the formwork came off.',
      concreteReturned: false,
    },
    afterSales,
  );
  await step(rectifying.id, 'acknowledged', 'Received; our QC engineer is on the way');
  await step(rectifying.id, 'investigating', 'Slump tests and the pour log reviewed; vibration was short at the bases');
  await workflow.addAction(
    rectifying.id,
    { description: 'Repair the voids with a non-shrink grout', owner: 'Site service team', dueDate: isoDay(1) },
    afterSales,
  );
  await step(rectifying.id, 'rectification', 'Repair method agreed with the supervising engineer');
  await repository.backdate(rectifying.id, 5 * 60);

  const answered = await complaints.raise(
    {
      kind: 'complaint',
      category: 'billing',
      pourId: pourAt(2),
      title: 'Invoice counts a returned load',
      description: 'The monthly statement includes a load that was sent back from site.',
      concreteReturned: false,
    },
    afterSales,
  );
  await step(answered.id, 'acknowledged', 'Forwarded to accounts with the ticket list');
  await repository.backdate(answered.id, 90);

  const suggestion = await complaints.raise(
    {
      kind: 'suggestion',
      category: 'service',
      pourId: pourAt(0),
      title: 'Text the site when a truck leaves the plant',
      description: 'The foreman would like a message as each truck leaves, to get the pump crew ready.',
      concreteReturned: false,
    },
    afterSales,
  );
  await repository.backdate(suggestion.id, 20);

  const late = await complaints.raise(
    {
      kind: 'complaint',
      category: 'delivery',
      pourId: pourAt(0),
      title: 'Two trucks arrived together, then a 40-minute gap',
      description: 'The pump stood idle for forty minutes mid-pour; the crew waited on overtime.',
      concreteReturned: false,
    },
    afterSales,
  );
  await repository.backdate(late.id, 150);

  const raised = await app.get(ComplaintTimers).sweep();
  log(`demo: 5 complaints in different states; ${raised} overdue promise(s) raised as alerts`);
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
