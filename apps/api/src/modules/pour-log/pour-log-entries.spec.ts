import type { PourLogRows } from './pour-log.repository';
import { auditEntry, logPage, pourLogEntries, requestEntry, toPourMessageDto } from './pour-log-entries';
import type { PourMessageEntity } from './pour-message.entity';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 2, minute));

function message(overrides: Partial<PourMessageEntity> = {}): PourMessageEntity {
  return {
    id: 'm1',
    pourId: 'pour-1',
    code: 'pump_ready',
    text: '',
    params: {},
    byId: 'u1',
    byName: 'Wang Site',
    byRole: 'site_dispatcher',
    at: at(0),
    proposedRemainingM3: null,
    confirmedAt: null,
    confirmedById: null,
    confirmedByName: null,
    confirmedByRole: null,
    plannedM3: null,
    ...overrides,
  };
}

const person = { actorName: 'Li Dispatch', actorRole: 'dispatcher' as const };

function rows(overrides: Partial<PourLogRows> = {}): PourLogRows {
  return { messages: [], loadSteps: [], qcTests: [], requests: [], audit: [], ...overrides };
}

describe(pourLogEntries.name, () => {
  it('interleaves messages and every kind of system event, newest first', () => {
    const entries = pourLogEntries(
      rows({
        messages: [message({ at: at(5) }), message({ id: 'm0', code: 'text', text: 'gate open', at: at(0) })],
        loadSteps: [
          { id: 'e1', at: at(2), toStatus: 'en_route', ticket: 'P1-001', truck: 'T05', ...person },
          {
            id: 'e2',
            at: at(4),
            toStatus: 'on_site',
            ticket: 'P1-001',
            truck: 'T05',
            actorName: 'tracker trk-1',
            actorRole: null,
          },
        ],
        qcTests: [
          {
            id: 'q1',
            at: at(6),
            stage: 'site',
            pass: false,
            outcome: 'rejected',
            slumpMm: 100,
            reasons: [{ code: 'slump_out_of_tolerance', message: 'slump 100 mm outside 180 ± 30 mm' }],
            ticket: 'P1-001',
            truck: 'T05',
            actorName: 'Zhao QC',
            actorRole: 'qc_inspector',
          },
        ],
        requests: [{ id: 'r1', at: at(3), kind: 'slow_down', note: 'pump is slow', ...person }],
        audit: [
          { id: 'a1', at: at(1), action: 'status_changed', changes: { from: 'ready', to: 'in_progress' }, ...person },
          { id: 'a2', at: at(7), action: 'dispatch_held', changes: { reason: 'rain' }, ...person },
        ],
      }),
      'project-1',
    );
    expect(entries.map((entry) => [entry.kind, entry.code])).toEqual([
      ['system', 'dispatch.held'],
      ['system', 'qc.site.fail'],
      ['message', 'pump_ready'],
      ['system', 'load.on_site'],
      ['system', 'request.slow_down'],
      ['system', 'load.en_route'],
      ['system', 'pour.in_progress'],
      ['message', 'text'],
    ]);
    const [held, qc, , arrival] = entries;
    expect(held).toMatchObject({
      id: 'audit:a2',
      params: { note: 'rain' },
      by: { name: 'Li Dispatch', role: 'dispatcher' },
    });
    expect(qc.params).toEqual({
      ticket: 'P1-001',
      truck: 'T05',
      slumpMm: 100,
      outcome: 'rejected',
      reasons: ['slump_out_of_tolerance'],
    });
    expect(arrival.by).toEqual({ name: 'tracker trk-1', role: null });
  });

  it('keeps one order for entries of the same instant', () => {
    const same = rows({
      loadSteps: [
        { id: 'a', at: at(1), toStatus: 'rejected', ticket: 'T-1', truck: null, ...person },
        { id: 'b', at: at(1), toStatus: 'scheduled', ticket: 'T-2', truck: null, ...person },
      ],
    });
    const first = pourLogEntries(same, 'p').map((entry) => entry.id);
    const reversed = pourLogEntries({ ...same, loadSteps: [...same.loadSteps].reverse() }, 'p').map((e) => e.id);
    expect(reversed).toEqual(first);
  });
});

describe(auditEntry.name, () => {
  const row = (action: string, changes: Record<string, unknown> = {}) => ({
    id: 'a',
    at: at(0),
    action,
    changes,
    ...person,
  });

  it('reads the remaining volume set from a confirmed last load', () => {
    expect(auditEntry(row('remaining_set', { volumeM3: { from: 240, to: 126.5 }, remainingM3: 6.5 }))).toMatchObject({
      code: 'pour.remaining_set',
      params: { lastLoadM3: 6.5, fromM3: 240, toM3: 126.5 },
    });
  });

  it('names every status change by the status reached', () => {
    expect(auditEntry(row('status_changed', { from: 'in_progress', to: 'completed' }))?.code).toBe('pour.completed');
    expect(auditEntry(row('status_changed', { to: 'on fire' }))).toBeNull();
  });

  it('leaves actions it does not know to the history panel', () => {
    expect(auditEntry(row('something_new'))).toBeNull();
    expect(auditEntry(row('created'))?.code).toBe('pour.created');
    expect(auditEntry(row('updated', { volumeM3: { from: 1, to: 2 } }))?.code).toBe('pour.plan_changed');
  });
});

describe(requestEntry.name, () => {
  it('keeps the site’s note and drops a kind it does not know', () => {
    expect(requestEntry({ id: 'r', at: at(0), kind: 'hold', note: 'rebar check', ...person })).toMatchObject({
      code: 'request.hold',
      params: { note: 'rebar check' },
    });
    expect(requestEntry({ id: 'r', at: at(0), kind: 'teleport', note: '', ...person })).toBeNull();
  });
});

describe(toPourMessageDto.name, () => {
  it('shows a last load as pending until the dispatch room confirms it', () => {
    const pending = message({ code: 'pour_finishing', params: { lastLoadM3: 6 }, proposedRemainingM3: 6 });
    expect(toPourMessageDto(pending, 'project-1').proposal).toEqual({
      kind: 'remaining_volume',
      remainingM3: 6,
      status: 'pending',
      confirmedBy: null,
      confirmedAt: null,
      plannedM3: null,
    });
    const confirmed = message({
      ...pending,
      confirmedAt: at(9),
      confirmedByName: 'Li Dispatch',
      confirmedByRole: 'dispatcher',
      plannedM3: { from: 240, to: 130 },
    });
    expect(toPourMessageDto(confirmed, 'project-1').proposal).toMatchObject({
      status: 'confirmed',
      confirmedBy: { name: 'Li Dispatch', role: 'dispatcher' },
      confirmedAt: at(9).toISOString(),
      plannedM3: { from: 240, to: 130 },
    });
  });

  it('proposes nothing for a message that changes nothing', () => {
    expect(toPourMessageDto(message(), 'project-1').proposal).toBeNull();
  });
});

describe(logPage.name, () => {
  const entries = pourLogEntries(
    rows({
      messages: Array.from({ length: 5 }, (_, index) =>
        message({ id: `m${index}`, at: at(index), code: 'text', text: index % 2 ? 'east gate' : 'west gate' }),
      ),
    }),
    'p',
  );

  it('pages what matches, counting all of it', () => {
    expect(logPage(entries, { q: 'EAST', page: 1, pageSize: 1 })).toMatchObject({ total: 2, items: [{ id: 'm3' }] });
    expect(logPage(entries, { q: 'east', page: 2, pageSize: 1 }).items.map((entry) => entry.id)).toEqual(['m1']);
    expect(logPage(entries, { page: 1, pageSize: 10 }).total).toBe(5);
    expect(logPage(entries, { q: '%', page: 1, pageSize: 10 }).total).toBe(0);
  });
});
