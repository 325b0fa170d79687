import { createHmac } from 'node:crypto';
import type { LoadDto, PourDto } from '@pourline/contracts';
import { adminSession, type PourWorld } from '../support/factories';
import type { Http } from '../support/http';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';
import {
  connectLive,
  connectReady,
  createTrackedTruck,
  latestOf,
  type LiveRecorder,
  NUMBERED_EVENTS,
  sendFix,
  sleep,
  type TrackedTruck,
  waitFor,
} from '../support/live-support';

function forgedToken(userToken: string): string {
  const [header, payload] = userToken.split('.');
  const signature = createHmac('sha256', 'not-the-secret-of-this-server-at-all').update(`${header}.${payload}`);
  return `${header}.${payload}.${signature.digest('base64url')}`;
}

/** Sends fixes every 300 ms until `received` holds, within a bound: a truck's load may take up to 2 s to be seen. */
async function reportUntil(truck: TrackedTruck, lat: number, lng: number, received: () => boolean, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  while (!received()) {
    if (Date.now() > deadline) throw new Error(`no position of ${truck.deviceId} arrived in ${timeoutMs} ms`);
    await sendFix(truck.deviceId, { lat, lng, at: new Date(), speedKmh: 25 });
    await sleep(300);
  }
}

describe('The live socket', () => {
  let crew: LoadCrew;
  let ownWorld: PourWorld;
  let otherWorld: PourWorld;
  let ownPour: PourDto;
  let otherPour: PourDto;
  const open: LiveRecorder[] = [];
  const live = async (session: Http, extra: { lastSeq?: number; lastPositionSeq?: number } = {}) => {
    const recorder = await connectReady({ token: session.token, ...extra });
    open.push(recorder);
    return recorder;
  };

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    ownWorld = await createLoadWorld(admin, crew);
    otherWorld = await createLoadWorld(admin, crew, { siteDispatcherIds: [] });
    [ownPour, otherPour] = await Promise.all([createReadyPour(crew, ownWorld), createReadyPour(crew, otherWorld)]);
  });

  afterEach(() => {
    for (const recorder of open.splice(0)) recorder.close();
  });

  it('brings a dispatcher a truck’s position in a packed frame moments after the tracker reports it, named once', async () => {
    const truck = await createTrackedTruck(crew.admin, ownWorld.plant.id);
    const dispatcher = await live(crew.dispatcher);
    const reportedAt = Date.now();
    const positionId = await sendFix(truck.deviceId, { lat: 31.9123, lng: 118.8123, at: new Date(), speedKmh: 37 });
    const position = await waitFor('the position on the socket', () => dispatcher.positionsOf(truck.id)[0], 5_000, 20);
    expect(Date.now() - reportedAt).toBeLessThan(3_000);
    expect(position).toMatchObject({
      entityType: 'truck',
      entityId: truck.id,
      label: truck.fleetNumber,
      deviceId: truck.deviceId,
      lat: 31.9123,
      lng: 118.8123,
      speedKmh: 37,
      positionSeq: Number(positionId),
    });
    const frame = dispatcher.named('positions.packed.v2').find((item) => item.positions.includes(position));
    expect(frame.positionSeq).toBeGreaterThanOrEqual(Number(positionId));
    // The room first hears of the truck in this frame: its name rides along.
    expect(frame.names).toContainEqual([truck.id, 'truck', truck.fleetNumber, truck.deviceId]);
    // The next fix moments later travels as its record alone, read with the name already known.
    const nextId = await sendFix(truck.deviceId, { lat: 31.9124, lng: 118.8124, at: new Date(Date.now() + 1000) });
    const next = await waitFor(
      'the next position',
      () => dispatcher.positionsOf(truck.id).find((item) => item.positionSeq === Number(nextId)),
      5_000,
      20,
    );
    expect(next).toMatchObject({ label: truck.fleetNumber, lat: 31.9124, speedKmh: null });
    const nextFrame = dispatcher.named('positions.packed.v2').find((item) => item.positions.includes(next));
    expect(nextFrame.names.filter((name: string[]) => name[0] === truck.id)).toEqual([]);
    expect(dispatcher.unnamed).toBe(0);
  });

  describe('refuses a socket that is not signed in', () => {
    const cases: [string, () => unknown][] = [
      ['without a token', () => undefined],
      ['with a garbage token', () => 'not.a-token'],
      ['with a token signed by someone else', () => forgedToken(crew.dispatcher.token!)],
      ['with a token that is not a string', () => ({ token: crew.dispatcher.token })],
    ];

    it.each(cases)('%s: live.error.v1, then the server disconnects it, and nothing else', async (_what, token) => {
      const recorder = connectLive({ token: token() });
      open.push(recorder);
      await waitFor('the server to disconnect', () => recorder.disconnectReason, 5_000, 20);
      expect(recorder.disconnectReason).toBe('io server disconnect');
      expect(recorder.error).toMatchObject({ code: 'unauthenticated', message: expect.any(String) });
      expect(recorder.received.map((item) => item.name)).toEqual(['live.error.v1']);
    });
  });

  describe('a site dispatcher', () => {
    let siteSocket: LiveRecorder;
    let dispatcherSocket: LiveRecorder;
    let otherTruck: TrackedTruck;
    let ownTruck: TrackedTruck;
    let otherLoad: LoadDto;
    let ownLoad: LoadDto;

    beforeAll(async () => {
      [otherTruck, ownTruck] = await Promise.all([
        createTrackedTruck(crew.admin, otherWorld.plant.id),
        createTrackedTruck(crew.admin, ownWorld.plant.id),
      ]);
      siteSocket = await connectReady({ token: crew.site.token });
      dispatcherSocket = await connectReady({ token: crew.dispatcher.token });

      // Another project's load moves a step and its truck reports: the dispatch room sees both.
      otherLoad = await scheduleLoad(crew, otherPour, { truck: otherTruck });
      await advanceLoad(crew, otherLoad.id, 'loading');
      await dispatcherSocket.waitForEvent(
        'the other load loading',
        (item) =>
          item.name === 'load.changed.v1' &&
          item.data.payload.id === otherLoad.id &&
          item.data.payload.status === 'loading',
      );
      await reportUntil(otherTruck, 31.9, 118.8, () => dispatcherSocket.positionsOf(otherTruck.id).length > 0);

      // Then their own project's: they see it.
      ownLoad = await scheduleLoad(crew, ownPour, { truck: ownTruck });
      await advanceLoad(crew, ownLoad.id, 'loading');
      await siteSocket.waitForEvent(
        'the own load loading',
        (item) =>
          item.name === 'load.changed.v1' &&
          item.data.payload.id === ownLoad.id &&
          item.data.payload.status === 'loading',
      );
      await reportUntil(ownTruck, 31.9004, 118.8004, () => siteSocket.positionsOf(ownTruck.id).length > 0);
      // One more fix of the other truck, now that its load is surely known: it must still not reach them.
      await sendFix(otherTruck.deviceId, { lat: 31.9002, lng: 118.8002, at: new Date() });
      await waitFor('the dispatch room to see the last fix', () =>
        dispatcherSocket.positionsOf(otherTruck.id).some((p) => p.lat === 31.9002),
      );
      await reportUntil(ownTruck, 31.9006, 118.8006, () =>
        siteSocket.positionsOf(ownTruck.id).some((p) => p.lat === 31.9006),
      );
    }, 60_000);

    afterAll(() => {
      siteSocket.close();
      dispatcherSocket.close();
    });

    it('gets their own project’s load steps and truck positions', () => {
      const steps = siteSocket.numbered(
        (item) => item.name === 'load.changed.v1' && item.data.payload.id === ownLoad.id,
      );
      expect(steps.map((step) => step.payload.status)).toEqual(expect.arrayContaining(['scheduled', 'loading']));
      expect(siteSocket.positionsOf(ownTruck.id).length).toBeGreaterThan(0);
    });

    it('never receives another project’s events or truck positions, while the dispatch room does', () => {
      const everything = JSON.stringify(siteSocket.received);
      for (const id of [otherLoad.id, otherPour.id, otherTruck.id, otherWorld.project.id])
        expect(everything).not.toContain(id);
      expect(siteSocket.numbered().every((event) => JSON.stringify(event.payload).includes(ownPour.id))).toBe(true);

      const seenByDispatch = JSON.stringify(dispatcherSocket.received);
      expect(seenByDispatch).toContain(otherLoad.id);
      expect(dispatcherSocket.positionsOf(otherTruck.id).length).toBeGreaterThan(0);
    });

    it('is replayed only their own project’s history when connecting from the start', async () => {
      const replay = await live(crew.site, { lastSeq: 0, lastPositionSeq: 0 });
      const replayed = replay.numbered((item) => item.beforeReady);
      expect(replayed.length).toBeGreaterThanOrEqual(2);
      expect(replayed.every((event) => JSON.stringify(event.payload).includes(ownPour.id))).toBe(true);
      const snapshot = replay.received.filter((item) => item.beforeReady && item.name === 'positions.v1');
      const trucks = snapshot.flatMap((item) => item.data.positions.map((p: { entityId: string }) => p.entityId));
      expect(trucks).toContain(ownTruck.id);
      expect(trucks).not.toContain(otherTruck.id);
    });

    it('lists only the trucks on their projects’ loads over HTTP too', async () => {
      expect(await latestOf(crew.site, ownTruck.id)).toBeDefined();
      expect(await latestOf(crew.site, otherTruck.id)).toBeUndefined();
      expect(await latestOf(crew.dispatcher, otherTruck.id)).toBeDefined();
    });
  });

  describe('reconnecting with the last sequence number', () => {
    it('replays exactly the events missed while away, before live.ready.v1', async () => {
      const allAlong = await live(crew.dispatcher);
      const leaving = await live(crew.dispatcher);
      const { seq: lastSeq, positionSeq: lastPositionSeq } = leaving.ready!;
      leaving.close();

      // While away: a load is scheduled and moves four steps; a QC test is recorded; its truck reports.
      const truck = await createTrackedTruck(crew.admin, ownWorld.plant.id);
      const load = await scheduleLoad(crew, ownPour, { truck });
      await advanceLoad(crew, load.id, 'en_route');
      const positionId = await sendFix(truck.deviceId, { lat: 31.92, lng: 118.82, at: new Date(), speedKmh: 40 });
      const missedOfLoad = await waitFor('the load en route on the socket connected all along', () => {
        const events = allAlong.numbered((item) => JSON.stringify(item.data.payload).includes(load.id));
        const enRoute = events.some((event) => event.name === 'load.changed.v1' && event.payload.status === 'en_route');
        return enRoute ? events : undefined;
      });
      expect(missedOfLoad.map((event) => event.name)).toEqual(
        expect.arrayContaining(['load.changed.v1', 'qc.recorded.v1']),
      );

      const back = await live(crew.dispatcher, { lastSeq, lastPositionSeq });
      const ready = back.ready!;
      const beforeReady = back.received.filter((item) => item.beforeReady && NUMBERED_EVENTS.includes(item.name));
      const replayed = back.numbered((item) => item.beforeReady);

      // No more than what was missed. An event numbered between the socket joining its rooms and the
      // replay reading the highest number comes both live and replayed (other suites keep emitting);
      // the contract leaves dropping the second to the client (LiveSequence), so twice at most.
      const times = new Map<number, number>();
      for (const item of beforeReady) times.set(item.data.seq, (times.get(item.data.seq) ?? 0) + 1);
      expect(times.size).toBe(replayed.length);
      expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
      // The server counts what it replayed from the database; an event broadcast live after the
      // socket joined its rooms can also arrive before live.ready.v1 (other suites keep emitting).
      expect(ready.replayed).toBeLessThanOrEqual(replayed.length);
      expect(ready.replayed).toBeGreaterThan(0);
      for (const event of replayed) {
        expect(event.seq).toBeGreaterThan(lastSeq);
        expect(event.seq).toBeLessThanOrEqual(ready.seq);
      }
      // Exactly what a console connected all along was sent in that range (other suites' events included).
      const inRange = (seq: number) => seq > lastSeq && seq <= ready.seq;
      const allAlongSeqs = () =>
        allAlong
          .numbered()
          .map((event) => event.seq)
          .filter(inRange)
          .sort((a, b) => a - b);
      const replayedSeqs = replayed.map((event) => event.seq).sort((a, b) => a - b);
      await waitFor('the console connected all along to have every event up to ready', () =>
        allAlongSeqs().length >= replayedSeqs.length ? true : undefined,
      ).catch(() => undefined);
      expect(replayedSeqs).toEqual(allAlongSeqs());
      // The replay comes in order: one copy of every missed event, in ascending order, can be picked
      // out of what arrived before live.ready.v1; any other arrival is a second, live copy.
      let next = 0;
      const liveCopies: number[] = [];
      for (const item of beforeReady) {
        if (item.data.seq === replayedSeqs[next]) next += 1;
        else liveCopies.push(item.data.seq);
      }
      expect(next).toBe(replayedSeqs.length);
      for (const seq of liveCopies) expect(times.get(seq)).toBe(2);
      // The load's own events in the order they happened, with the same payloads.
      const replayedOfLoad = replayed.filter((event) => JSON.stringify(event.payload).includes(load.id));
      expect(replayedOfLoad).toEqual(missedOfLoad);
      expect(
        replayedOfLoad.filter((event) => event.name === 'load.changed.v1').map((event) => event.payload.status),
      ).toEqual(['scheduled', 'loading', 'plant_qc', 'released', 'en_route']);

      // Positions: only what is newer than the last position number, the missed fix among them.
      const snapshot = back.received.filter((item) => item.beforeReady && item.name === 'positions.v1');
      const snapshotPositions = snapshot.flatMap((item) => item.data.positions);
      expect(
        snapshotPositions.every((position: { positionSeq: number }) => position.positionSeq > lastPositionSeq),
      ).toBe(true);
      expect(snapshotPositions.find((position: { entityId: string }) => position.entityId === truck.id)).toMatchObject({
        positionSeq: Number(positionId),
        lat: 31.92,
      });
      expect(ready.positionSeq).toBeGreaterThanOrEqual(Number(positionId));
    });

    it('replays nothing already seen: a console up to date gets only events newer than its number', async () => {
      const first = await live(crew.dispatcher);
      const { seq, positionSeq } = first.ready!;
      first.close();
      const again = await live(crew.dispatcher, { lastSeq: seq, lastPositionSeq: positionSeq });
      const replayed = again.numbered((item) => item.beforeReady);
      expect(replayed.every((event) => event.seq > seq)).toBe(true);
      expect(again.ready!.replayed).toBe(replayed.length);
      expect(again.ready!.seq).toBeGreaterThanOrEqual(seq);
    });
  });
});
