import type { PourDto, PourLogDto, PourLogEntryDto, PourMessageDto } from '@pourline/contracts';
import { adminSession, createPour, createUser, expectCreated, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  DISPATCHER_NAME,
  type LoadCrew,
  pourLoads,
  QC_NAME,
  scheduleLoad,
  SITE_NAME,
} from '../support/load-factories';
import { connectReady, type LiveRecorder, queryE2eDatabase } from '../support/live-support';

const post = (session: Http, pourId: string, body: unknown) => session.post(`/pours/${pourId}/messages`, body);
const confirm = (session: Http, messageId: string) => session.post(`/pour-messages/${messageId}/confirm`);

async function thread(session: Http, pourId: string, query: Record<string, string> = {}): Promise<PourLogDto> {
  const search = new URLSearchParams({ pageSize: '200', ...query });
  return expectCreated(session.get<PourLogDto>(`/pours/${pourId}/log?${search}`));
}

/** Oldest first, as the events happened. */
async function chronological(session: Http, pourId: string): Promise<PourLogEntryDto[]> {
  return [...(await thread(session, pourId)).items].reverse();
}

async function storedMessages(pourId: string): Promise<number> {
  const [row] = await queryE2eDatabase<{ n: number }>(
    'SELECT count(*)::int AS n FROM pour_messages WHERE pour_id = $1',
    [pourId],
  );
  return row.n;
}

async function pushedMessages(projectId: string): Promise<number> {
  const [row] = await queryE2eDatabase<{ n: number }>(
    `SELECT count(*)::int AS n FROM live_events WHERE type = 'pour.message.v1' AND project_id = $1`,
    [projectId],
  );
  return row.n;
}

async function startPour(crew: LoadCrew, world: PourWorld, structuralElement: string): Promise<PourDto> {
  const pour = await createReadyPour(crew, world, { structuralElement });
  return expectCreated(crew.dispatcher.post(`/pours/${pour.id}/status`, { status: 'in_progress' }));
}

describe('A pour’s log', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;
  let outsider: Http;
  let otherWorld: PourWorld;
  let otherPour: PourDto;
  const open: LiveRecorder[] = [];
  const live = async (session: Http, lastSeq?: number) => {
    const recorder = await connectReady({ token: session.token, ...(lastSeq === undefined ? {} : { lastSeq }) });
    open.push(recorder);
    return recorder;
  };

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    const stranger = await createUser(admin, 'site_dispatcher');
    outsider = stranger.session;
    world = await createLoadWorld(admin, crew);
    otherWorld = await createLoadWorld(admin, crew, { siteDispatcherIds: [stranger.user.id] });
    [pour, otherPour] = await Promise.all([
      createReadyPour(crew, world, { structuralElement: 'Log slab' }),
      createReadyPour(crew, otherWorld, { structuralElement: 'Other slab' }),
    ]);
  });

  afterEach(() => {
    for (const recorder of open.splice(0)) recorder.close();
  });

  describe('a quick message from the site', () => {
    let dispatcherSocket: LiveRecorder;
    let outsiderSocket: LiveRecorder;
    let sent: PourMessageDto;
    let seqBefore: number;

    beforeAll(async () => {
      dispatcherSocket = await connectReady({ token: crew.dispatcher.token });
      outsiderSocket = await connectReady({ token: outsider.token });
      seqBefore = dispatcherSocket.ready!.seq;
      const answer = await post(crew.site, pour.id, { code: 'truck_stuck_at_gate', truck: ' T05 ' });
      expect(answer.status).toBe(201);
      sent = answer.body;
      // The other project's own message, which the outsider does see: proof their socket was listening.
      await expectCreated(post(outsider, otherPour.id, { code: 'pump_ready' }));
      await outsiderSocket.waitForEvent(
        'the outsider’s own project’s message',
        (item) => item.name === 'pour.message.v1' && item.data.payload.pourId === otherPour.id,
      );
    });

    afterAll(() => {
      dispatcherSocket.close();
      outsiderSocket.close();
    });

    it('is stored with its code and parameter, in the words of nobody', () => {
      expect(sent).toMatchObject({
        kind: 'message',
        pourId: pour.id,
        projectId: world.project.id,
        code: 'truck_stuck_at_gate',
        params: { truck: 'T05' },
        text: '',
        by: { name: SITE_NAME, role: 'site_dispatcher' },
        proposal: null,
      });
      expect(Date.parse(sent.at)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('reaches a dispatcher’s socket as pour.message.v1, numbered, with the same payload', async () => {
      const event = await dispatcherSocket.waitForEvent(
        'the message on the dispatch room’s socket',
        (item) => item.name === 'pour.message.v1' && item.data.payload.id === sent.id,
      );
      expect(event.beforeReady).toBe(false);
      expect(event.data.seq).toBeGreaterThan(seqBefore);
      expect(event.data.payload).toEqual(sent);
    });

    it('survives a reconnect: replayed from the last number seen, before live.ready.v1', async () => {
      const back = await live(crew.dispatcher, seqBefore);
      const replayed = back.numbered((item) => item.beforeReady && item.name === 'pour.message.v1');
      expect(replayed.find((event) => event.payload.id === sent.id)?.payload).toEqual(sent);

      const upToDate = await live(crew.dispatcher, back.ready!.seq);
      expect(upToDate.numbered((item) => item.beforeReady).map((event) => event.payload.id)).not.toContain(sent.id);
    });

    it('is in the pour’s log for the dispatch room, QC, after-sales and the site', async () => {
      const afterSales = (await createUser(crew.admin, 'after_sales')).session;
      for (const session of [crew.dispatcher, crew.qc, crew.site, afterSales]) {
        const log = await thread(session, pour.id);
        expect(log.pour).toEqual({
          id: pour.id,
          status: 'ready',
          plantTimeZone: 'Asia/Shanghai',
          volumeM3: pour.volumeM3,
        });
        expect(log.items.find((entry) => entry.id === sent.id)).toEqual(sent);
      }
    });

    it('never reaches a site dispatcher of another project, live or replayed, and their REST answers 404', async () => {
      expect(JSON.stringify(outsiderSocket.received)).not.toContain(sent.id);
      const replay = await live(outsider, seqBefore);
      expect(JSON.stringify(replay.received)).not.toContain(pour.id);

      const before = await storedMessages(pour.id);
      for (const answer of [
        await outsider.get(`/pours/${pour.id}/log`),
        await outsider.get(`/pours/${pour.id}/log?q=T05`),
        await post(outsider, pour.id, { code: 'pump_ready' }),
      ]) {
        expect(answer.status).toBe(404);
        expect(answer.body.message).toMatch(/does not exist or is not visible to you/);
      }
      expect(await storedMessages(pour.id)).toBe(before);
      expect((await outsider.get(`/pours/${otherPour.id}/log`)).status).toBe(200);
    });
  });

  describe('search', () => {
    let typed: PourMessageDto;
    let pumpReady: PourMessageDto;

    beforeAll(async () => {
      typed = await expectCreated(
        post(crew.qc, pour.id, { code: 'text', text: 'Line washed out — 泵管已清洗, 100% clear' }),
      );
      pumpReady = await expectCreated(post(crew.site, pour.id, { code: 'pump_ready' }));
    });

    const ids = async (query: Record<string, string>) =>
      (await thread(crew.dispatcher, pour.id, query)).items.map((e) => e.id);

    it('finds typed words and quick messages, whatever the case, and counts what it found', async () => {
      expect(await ids({ q: 'WASHED' })).toEqual([typed.id]);
      expect(await ids({ q: '泵管' })).toEqual([typed.id]);
      expect(await ids({ q: 'pump ready' })).toEqual([pumpReady.id]);
      expect(await ids({ q: 't05' })).toHaveLength(1);
      const byName = await thread(crew.dispatcher, pour.id, { q: QC_NAME.toUpperCase() });
      expect(byName.items.map((entry) => entry.id)).toContain(typed.id);
      expect(byName.total).toBe(byName.items.length);
    });

    it('finds system entries too: a ticket number finds the load’s steps', async () => {
      const load = await scheduleLoad(crew, pour);
      const found = (await thread(crew.dispatcher, pour.id, { q: load.ticketNumber.toLowerCase() })).items;
      expect(found.map((entry) => [entry.kind, entry.code])).toEqual([['system', 'load.scheduled']]);
    });

    it('finds entries whose words, in the reader’s language, the console matched to codes', async () => {
      expect(await ids({ q: '泵', codes: 'pump_ready,pump_blocked' })).toEqual([pumpReady.id, typed.id]);
    });

    it('reads a hostile search literally: no pattern, no SQL, no error', async () => {
      expect(await ids({ q: '%' })).toEqual([typed.id]);
      for (const q of ["'; DROP TABLE pour_messages; --", '.*', '%%', '[a-z]+', '\\', '$1', '<script>'])
        expect(await ids({ q })).toEqual([]);
      expect(await storedMessages(pour.id)).toBeGreaterThanOrEqual(3);
    });

    it('refuses a search that is not text, with 400 and a sentence', async () => {
      for (const path of [`/pours/${pour.id}/log?q=%00`, `/pours/${pour.id}/log?codes=pump_ready;drop`]) {
        const answer = await crew.dispatcher.get(path);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toMatch(/^Invalid input: (q|codes): /);
      }
    });

    it('pages the thread newest first, with the total', async () => {
      const first = await thread(crew.dispatcher, pour.id, { pageSize: '2' });
      const second = await thread(crew.dispatcher, pour.id, { pageSize: '2', page: '2' });
      expect(first.items).toHaveLength(2);
      expect(first.total).toBeGreaterThan(4);
      expect(second.total).toBe(first.total);
      expect(Date.parse(first.items[1].at)).toBeGreaterThanOrEqual(Date.parse(second.items[0].at));
      expect(first.items[0].id).toBe((await thread(crew.dispatcher, pour.id)).items[0].id);
    });
  });

  it('interleaves every system event of the pour with the messages, in the order they happened', async () => {
    const ordered = await createReadyPour(crew, world, { structuralElement: 'Ordered wall' });
    await expectCreated(post(crew.site, ordered.id, { code: 'pump_ready' }));
    await expectCreated(crew.dispatcher.post(`/pours/${ordered.id}/status`, { status: 'in_progress' }));
    const load = await scheduleLoad(crew, ordered);
    await advanceLoad(crew, load.id, 'en_route');
    await expectCreated(crew.site.post(`/pours/${ordered.id}/requests`, { kind: 'slow_down', note: 'pump is slow' }));
    await expectCreated(crew.dispatcher.post(`/pours/${ordered.id}/dispatch-hold`, { reason: 'Rain coming' }));
    await expectCreated(crew.dispatcher.post(`/pours/${ordered.id}/dispatch-resume`));
    await expectCreated(post(crew.site, ordered.id, { code: 'text', text: 'Rain passed, go on' }));

    const entries = await chronological(crew.dispatcher, ordered.id);
    const codes: string[] = entries.map((entry) => entry.code);
    const position = (code: string) => {
      expect(codes).toContain(code);
      return codes.indexOf(code);
    };
    const sequence = [
      'pour.created',
      'pour.confirmed',
      'pour.ready',
      'pump_ready',
      'pour.in_progress',
      'load.scheduled',
      'load.loading',
      'load.plant_qc',
      'load.en_route',
      'request.slow_down',
      'dispatch.held',
      'dispatch.resumed',
      'text',
    ];
    const positions = sequence.map(position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The plant test and the release it causes land between sending to QC and leaving the plant.
    for (const code of ['qc.plant.pass', 'load.released']) {
      expect(position(code)).toBeGreaterThan(position('load.plant_qc'));
      expect(position(code)).toBeLessThan(position('load.en_route'));
    }
    const times = entries.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const entry = (code: string) => entries[position(code)];
    expect(entry('load.en_route')).toMatchObject({
      kind: 'system',
      by: { name: DISPATCHER_NAME, role: 'dispatcher' },
      params: { ticket: load.ticketNumber, truck: expect.any(String) },
    });
    expect(entry('qc.plant.pass')).toMatchObject({
      by: { name: QC_NAME, role: 'qc_inspector' },
      params: { ticket: load.ticketNumber, slumpMm: 180, outcome: 'released', reasons: [] },
    });
    expect(entry('request.slow_down')).toMatchObject({
      by: { name: SITE_NAME, role: 'site_dispatcher' },
      params: { note: 'pump is slow' },
    });
    expect(entry('dispatch.held')).toMatchObject({ by: { name: DISPATCHER_NAME }, params: { note: 'Rain coming' } });
    expect(entry('pour.in_progress').by).toEqual({ name: DISPATCHER_NAME, role: 'dispatcher' });
    expect(entry('text')).toMatchObject({ kind: 'message', text: 'Rain passed, go on' });
    // System entries carry codes and parameters; the console says them in the reader's language.
    expect(entries.filter((e) => e.kind === 'system').every((e) => e.text === '' && e.id.includes(':'))).toBe(true);
  });

  describe('a last load', () => {
    let running: PourDto;
    let pouredOrOnTheWayM3: number;

    beforeAll(async () => {
      running = await startPour(crew, world, 'Finishing slab');
      const [delivered, onTheWay] = await Promise.all([
        scheduleLoad(crew, running, { volumeM3: 10 }),
        scheduleLoad(crew, running, { volumeM3: 8.5 }),
        scheduleLoad(crew, running, { volumeM3: 12 }),
      ]);
      await Promise.all([advanceLoad(crew, delivered.id, 'discharged'), advanceLoad(crew, onTheWay.id, 'en_route')]);
      pouredOrOnTheWayM3 = 10 + 8.5;
    });

    async function proposal(pourId: string, lastLoadM3: number): Promise<PourMessageDto> {
      const answer = await post(crew.site, pourId, { code: 'pour_finishing', lastLoadM3 });
      expect(answer.status).toBe(201);
      return answer.body;
    }

    it('sets the remaining volume once a dispatcher confirms it: audited in their name, announced live and in the thread', async () => {
      const socket = await live(crew.dispatcher);
      const message = await proposal(running.id, 6.5);
      expect(message.proposal).toEqual({
        kind: 'remaining_volume',
        remainingM3: 6.5,
        status: 'pending',
        confirmedBy: null,
        confirmedAt: null,
        plannedM3: null,
      });
      expect((await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3).toBe(running.volumeM3);

      const answer = await confirm(crew.dispatcher, message.id);
      expect(answer.status).toBe(200);
      const plannedM3 = pouredOrOnTheWayM3 + 6.5;
      expect(answer.body.proposal).toMatchObject({
        status: 'confirmed',
        confirmedBy: { name: DISPATCHER_NAME, role: 'dispatcher' },
        plannedM3: { from: running.volumeM3, to: plannedM3 },
      });

      expect((await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3).toBe(plannedM3);
      expect((await pourLoads(crew.dispatcher, running.id)).volumes).toMatchObject({
        plannedM3,
        deliveredM3: 10,
        inTransitM3: 8.5,
        remainingM3: 6.5,
      });
      const history = (await crew.dispatcher.get(`/pours/${running.id}/history`)).body.items;
      expect(history[0]).toMatchObject({
        action: 'remaining_set',
        actorName: expect.stringContaining(DISPATCHER_NAME),
        changes: { volumeM3: { from: running.volumeM3, to: plannedM3 }, remainingM3: 6.5, messageId: message.id },
      });

      const entries = await chronological(crew.site, running.id);
      const announced = entries[entries.length - 1];
      expect(announced).toMatchObject({
        kind: 'system',
        code: 'pour.remaining_set',
        by: { name: DISPATCHER_NAME, role: 'dispatcher' },
        params: { lastLoadM3: 6.5, fromM3: running.volumeM3, toM3: plannedM3 },
      });
      expect(entries.find((entry) => entry.id === message.id)?.proposal?.status).toBe('confirmed');

      const pushed = await socket.waitForEvent(
        'the confirmed message',
        (item) =>
          !item.beforeReady &&
          item.name === 'pour.message.v1' &&
          item.data.payload.id === message.id &&
          item.data.payload.proposal?.status === 'confirmed',
      );
      expect(pushed.data.payload).toEqual(answer.body);
      const status = await socket.waitForEvent(
        'the new planned volume',
        (item) => !item.beforeReady && item.name === 'pour.status.v1' && item.data.payload.pourId === running.id,
      );
      expect(status.data.payload).toMatchObject({ status: 'in_progress', volumeM3: plannedM3 });
    });

    it('refuses to confirm the same message twice with 409, the plan left as the first confirmation set it', async () => {
      const message = await proposal(running.id, 3);
      expect((await confirm(crew.admin, message.id)).status).toBe(200);
      const plannedM3 = (await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3;
      const again = await confirm(crew.dispatcher, message.id);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'already_confirmed',
        message: expect.stringMatching(/already confirmed/),
      });
      expect((await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3).toBe(plannedM3);
      const audits = (await crew.dispatcher.get(`/pours/${running.id}/history`)).body.items.filter(
        (entry: { changes: { messageId?: string } }) => entry.changes.messageId === message.id,
      );
      expect(audits).toHaveLength(1);
    });

    it('is confirmed only by the dispatch room: a site dispatcher, QC or after-sales get 403 and nothing changes', async () => {
      const message = await proposal(running.id, 1);
      const before = (await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3;
      const afterSales = (await createUser(crew.admin, 'after_sales')).session;
      for (const session of [crew.site, crew.qc, afterSales])
        expect((await confirm(session, message.id)).status).toBe(403);
      expect((await crew.dispatcher.get(`/pours/${running.id}`)).body.volumeM3).toBe(before);
      const entry = (await thread(crew.dispatcher, running.id)).items.find((item) => item.id === message.id);
      expect(entry?.proposal?.status).toBe('pending');
    });

    it('refuses with 409 and a sentence while the pour is not in progress, and changes nothing', async () => {
      const message = await proposal(pour.id, 4);
      const answer = await confirm(crew.dispatcher, message.id);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        code: 'remaining_not_settable',
        message: 'The pour is ready; a last load can only be confirmed while the pour is in progress',
      });
      expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.volumeM3).toBe(pour.volumeM3);
      expect((await thread(crew.dispatcher, pour.id)).items.find((e) => e.id === message.id)?.proposal?.status).toBe(
        'pending',
      );
    });

    it('refuses with 409 a last load that would leave a pour of nothing', async () => {
      const empty = await startPour(crew, world, 'Empty slab');
      const answer = await confirm(crew.dispatcher, (await proposal(empty.id, 0)).id);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toMatch(/Nothing is poured or on its way yet/);
      expect((await crew.dispatcher.get(`/pours/${empty.id}`)).body.volumeM3).toBe(empty.volumeM3);
    });

    it('refuses with 409 to confirm a message that proposes nothing, and 404 for one that does not exist', async () => {
      const plain = await expectCreated(post(crew.site, running.id, { code: 'next_truck_please' }));
      expect(await confirm(crew.dispatcher, plain.id)).toMatchObject({
        status: 409,
        body: { code: 'nothing_to_confirm' },
      });
      expect((await confirm(crew.dispatcher, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('bad input', () => {
    const cases: [string, unknown, RegExp][] = [
      ['no body', {}, /code/],
      ['an unknown code', { code: 'pump_on_fire' }, /Invalid discriminator value/],
      ['empty text', { code: 'text', text: '' }, /text: must not be empty/],
      ['blank text', { code: 'text', text: ' \n\t ' }, /text: must not be empty/],
      ['501 characters', { code: 'text', text: 'x'.repeat(501) }, /text: must be at most 500 characters/],
      [
        'a NUL character',
        { code: 'text', text: 'pump\u0000ready' },
        /text: must not contain control characters such as NUL/,
      ],
      ['a lone surrogate', { code: 'text', text: 'ok \uD83D' }, /text: must be valid Unicode text/],
      ['text that is a number', { code: 'text', text: 42 }, /text: .*expected string/],
      ['a stuck truck without its number', { code: 'truck_stuck_at_gate' }, /truck: .*expected string/],
      ['a negative last load', { code: 'pour_finishing', lastLoadM3: -2 }, /lastLoadM3: cannot be negative/],
      ['a last load in words', { code: 'pour_finishing', lastLoadM3: 'six' }, /lastLoadM3: .*expected number/],
      ['a last load that is a new plan', { code: 'pour_finishing', lastLoadM3: 1e6 }, /not a last load/],
    ];

    it.each(cases)(
      'refuses %s with 400 and a sentence, and stores and pushes nothing',
      async (_case, body, message) => {
        const [stored, pushed] = [await storedMessages(pour.id), await pushedMessages(world.project.id)];
        const answer = await post(crew.site, pour.id, body);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({
          code: 'invalid_input',
          message: expect.stringMatching(/^Invalid input: /),
        });
        expect(answer.body.message).toMatch(message);
        expect(await storedMessages(pour.id)).toBe(stored);
        expect(await pushedMessages(world.project.id)).toBe(pushed);
      },
    );

    it('keeps exactly 500 characters, as people count them, trimmed', async () => {
      const text = '混凝土'.repeat(166) + '🚚🚚';
      const answer = await post(crew.site, pour.id, { code: 'text', text: `  ${text}\n` });
      expect(answer.status).toBe(201);
      expect(answer.body.text).toBe(text);
      expect((await thread(crew.dispatcher, pour.id)).items.find((e) => e.id === answer.body.id)?.text).toBe(text);
    });

    it('refuses a message for a pour still in draft with 409, and one for no pour with 404 or 400', async () => {
      const draft = await createPour(crew.dispatcher, world, { structuralElement: 'Draft slab' });
      const closed = await post(crew.site, draft.id, { code: 'pump_ready' });
      expect(closed.status).toBe(409);
      expect(closed.body.message).toMatch(/The pour is draft; its log takes messages once the pour is confirmed/);
      expect(await storedMessages(draft.id)).toBe(0);
      expect((await post(crew.site, '00000000-0000-4000-8000-000000000000', { code: 'pump_ready' })).status).toBe(404);
      expect((await post(crew.site, 'not-a-pour', { code: 'pump_ready' })).status).toBe(400);
    });
  });
});
