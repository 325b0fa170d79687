import { describe, expect, it } from '@jest/globals';
import type { AlertAcknowledgement, AlertDto, LoadDto, PumpStatusDto } from '@pourline/contracts';
import { alertFromDto, capAlerts, loadAlerts, orderAlerts, pumpAlert } from './liveAlerts';
import { createTranslator } from '../i18n/translator';
import { describeAlert } from './alertWords';
import type { LiveAlert } from './liveState';

const load = {
  id: 'l1',
  pourId: 'p1',
  plantId: 'plant',
  ticketNumber: 'T-1',
  truckFleetNumber: 'M07',
  status: 'held',
  rejected: false,
  minutesToDeadline: 60,
  eta: null,
} as unknown as LoadDto;

const alert = (seq: number | null, at: string): LiveAlert => ({
  id: seq === null ? `deadline:${at}` : `seq:${seq}`,
  seq,
  type: seq === null ? 'deadline_risk' : 'rejection',
  at,
  plantId: null,
  pourId: null,
  ticketNumber: null,
  truckFleetNumber: null,
  pumpId: null,
  detail: '',
  summary: null,
});
const ack = (seq: number, at: string): AlertAcknowledgement => ({ seq, note: 'called the site', byName: 'Dana', at });

describe('alert keys', () => {
  it('names a hold and a pump breakdown by their event number, so the REST copy merges with them', () => {
    expect(loadAlerts({ ...load, status: 'plant_qc' }, load, '2026-05-04T08:00:00Z', 41)[0]).toMatchObject({
      id: 'seq:41',
      seq: 41,
      type: 'hold',
    });
    const pump = { pumpId: 'pump', status: 'breakdown', note: 'hydraulics', at: '2026-05-04T08:00:00Z' };
    expect(pumpAlert(pump as PumpStatusDto, 42)).toMatchObject({ id: 'seq:42', type: 'pump_breakdown' });
  });

  it('links a pump breakdown to the pour the pump serves, live and from the list, and reads older events without it', () => {
    const pour = { pourId: 'pour-7', structuralElement: '3F slab', siteName: 'Riverside tower' };
    const pump: PumpStatusDto = {
      pumpId: 'pump',
      status: 'breakdown',
      note: '',
      byName: 'Li',
      at: '2026-05-04T08:00:00Z',
      pour,
    };
    const place = { siteName: 'Riverside tower', structuralElement: '3F slab' };
    expect(pumpAlert(pump, 43)).toMatchObject({ pourId: 'pour-7', pourPlace: place });
    const dto: AlertDto = {
      seq: 43,
      type: 'pump.status.v1',
      at: pump.at,
      projectId: null,
      summary: 'Pump broke down',
      payload: pump,
      acknowledgement: null,
      resolvedAt: null,
    };
    expect(alertFromDto(dto)).toMatchObject({ type: 'pump_breakdown', pourId: 'pour-7', pourPlace: place });
    const { pour: _pour, ...older } = pump;
    expect(alertFromDto({ ...dto, payload: older })).toMatchObject({ pourId: null });
  });

  it('reads a REST alert into the same shape, or keeps its summary when the payload is unknown', () => {
    const dto: AlertDto = {
      seq: 41,
      type: 'load.changed.v1',
      at: '2026-05-04T08:00:00Z',
      projectId: null,
      summary: 'T-1 held at the plant',
      payload: load,
      acknowledgement: null,
      resolvedAt: null,
    };
    expect(alertFromDto(dto)).toMatchObject({ id: 'seq:41', type: 'hold', ticketNumber: 'T-1', pourId: 'p1' });
    expect(alertFromDto({ ...dto, type: 'pump.status.v1', payload: null })).toMatchObject({
      id: 'seq:41',
      type: 'pump_breakdown',
      summary: 'T-1 held at the plant',
    });
  });
});

describe(capAlerts.name, () => {
  it('keeps every alert still waiting for an acknowledgement, and caps the rest', () => {
    const alerts = [
      alert(1, '2026-05-04T08:01:00Z'),
      alert(2, '2026-05-04T08:02:00Z'),
      alert(null, '2026-05-04T08:03:00Z'),
      alert(3, '2026-05-04T08:04:00Z'),
    ];
    const acks = new Map([['3', ack(3, '2026-05-04T08:05:00Z')]]);
    expect(capAlerts(alerts, acks, 1).map((a) => a.seq)).toEqual([3, 2, 1]);
  });
});

describe(orderAlerts.name, () => {
  it('shows open alerts and deadlines first, newest first, then acknowledged ones', () => {
    const alerts = [
      alert(1, '2026-05-04T08:01:00Z'),
      alert(2, '2026-05-04T08:02:00Z'),
      alert(null, '2026-05-04T08:00:30Z'),
      alert(3, '2026-05-04T08:04:00Z'),
    ];
    const acks = new Map([
      ['3', ack(3, '2026-05-04T08:05:00Z')],
      ['2', ack(2, '2026-05-04T08:06:00Z')],
    ]);
    expect(orderAlerts(alerts, acks).map((entry) => [entry.alert.seq, entry.acknowledgement?.seq ?? null])).toEqual([
      [1, null],
      [null, null],
      [2, 2],
      [3, 3],
    ]);
  });
});

describe('a flow alert read from the list', () => {
  it('is worded in the reader’s language, not with the server’s summary', () => {
    const dto: AlertDto = {
      seq: 52,
      type: 'dispatch.alert.v1',
      at: '2026-05-04T08:00:00Z',
      projectId: null,
      summary: 'Level 3 slab: not started 25 min after its planned start',
      payload: {
        key: 'late_start:p1',
        kind: 'late_start',
        pourId: 'p1',
        pourLabel: 'Level 3 slab',
        ticketNumber: null,
        truckFleetNumber: null,
        facts: { minutes: 25 },
      },
      acknowledgement: null,
      resolvedAt: null,
    };
    const words = describeAlert(alertFromDto(dto), undefined, createTranslator('zh-CN'), (value) => String(value));
    expect(words).toBe('Level 3 slab：计划开始后 25 分钟仍未开浇');
  });
});
