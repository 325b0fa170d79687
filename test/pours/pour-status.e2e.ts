import { adminSession, createPour, createUser, createWorld, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';

describe('Pour status lifecycle', () => {
  let dispatcher: Http;
  let world: PourWorld;

  beforeAll(async () => {
    const admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    world = await createWorld(admin);
  });

  const move = (id: string, status: string) => dispatcher.post(`/pours/${id}/status`, { status });

  it('walks draft → confirmed → ready → in progress → completed, audited at each step', async () => {
    const pour = await createPour(dispatcher, world, { requiredDocumentTypes: [] });
    for (const status of ['confirmed', 'ready', 'in_progress', 'completed']) {
      const answer = await move(pour.id, status);
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe(status);
    }
    const history = await dispatcher.get(`/pours/${pour.id}/history?pageSize=20`);
    const steps = history.body.items
      .filter((entry: any) => entry.action === 'status_changed')
      .map((entry: any) => `${entry.changes.from}->${entry.changes.to}`)
      .reverse();
    expect(steps).toEqual(['draft->confirmed', 'confirmed->ready', 'ready->in_progress', 'in_progress->completed']);
  });

  it.each([
    ['draft', 'ready'],
    ['draft', 'in_progress'],
    ['draft', 'completed'],
  ])('refuses %s → %s with 409 naming the current state', async (_from, to) => {
    const pour = await createPour(dispatcher, world, { requiredDocumentTypes: [] });
    const answer = await move(pour.id, to);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('illegal_pour_transition');
    expect(answer.body.message).toContain('The pour is draft');
    expect((await dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('draft');
  });

  it('treats completed and cancelled as final', async () => {
    const pour = await createPour(dispatcher, world, { requiredDocumentTypes: [] });
    await move(pour.id, 'cancelled');
    const answer = await move(pour.id, 'confirmed');
    expect(answer.status).toBe(409);
    expect(answer.body.message).toContain('it is final');
  });

  it('refuses an unknown status value with 400', async () => {
    const pour = await createPour(dispatcher, world);
    const answer = await move(pour.id, 'poured');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('status');
  });

  it('lets exactly one of two simultaneous transitions win', async () => {
    const pour = await createPour(dispatcher, world, { requiredDocumentTypes: [] });
    await move(pour.id, 'confirmed');
    const answers = await Promise.all([move(pour.id, 'ready'), move(pour.id, 'draft')]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});
