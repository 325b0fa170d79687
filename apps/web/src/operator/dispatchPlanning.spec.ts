import { describe, expect, it } from '@jest/globals';
import type { LoadDto, PourDto, TruckDto } from '@pourline/contracts';
import {
  canDivert,
  defaultLoadVolume,
  divertTargets,
  needsOverOrderReason,
  nextLoadAction,
  truckChoices,
  unorderedM3,
} from './dispatchPlanning';

const load = (fields: Partial<LoadDto>): LoadDto =>
  ({
    id: 'l1',
    pourId: 'p1',
    mixId: 'm1',
    truckId: null,
    volumeM3: 8,
    status: 'scheduled',
    rejected: false,
    updatedAt: '2026-05-04T08:00:00Z',
    ...fields,
  }) as LoadDto;
const truck = (fields: Partial<TruckDto>): TruckDto =>
  ({ id: 't1', fleetNumber: 'T1', homePlantId: 'plant-a', capacityM3: 10, active: true, ...fields }) as TruckDto;
const pour = (fields: Partial<PourDto>): PourDto =>
  ({ id: 'p2', status: 'in_progress', mixId: 'm1', ...fields }) as PourDto;

describe(unorderedM3.name, () => {
  it('counts every load that may still pour, not rejected, cancelled or disposed ones', () => {
    const loads = [
      load({ id: 'a', volumeM3: 8, status: 'discharged' }),
      load({ id: 'b', volumeM3: 8, status: 'en_route' }),
      load({ id: 'c', volumeM3: 8, status: 'returning_with_load', rejected: true }),
      load({ id: 'd', volumeM3: 8, status: 'cancelled' }),
      load({ id: 'e', volumeM3: 8, status: 'disposed' }),
    ];
    expect(unorderedM3(30, loads)).toBe(14);
  });

  it('never goes below zero', () => {
    expect(unorderedM3(10, [load({ volumeM3: 12 })])).toBe(0);
  });
});

describe(defaultLoadVolume.name, () => {
  it('fills the drum, or takes what is left', () => {
    expect(defaultLoadVolume(10, 25)).toBe(10);
    expect(defaultLoadVolume(10, 3.5)).toBe(3.5);
  });

  it('offers a full drum when nothing is left, which then needs a reason', () => {
    expect(defaultLoadVolume(9, 0)).toBe(9);
    expect(needsOverOrderReason(9, 0)).toBe(true);
  });
});

describe(needsOverOrderReason.name, () => {
  it('asks for a reason only above the unordered volume', () => {
    expect(needsOverOrderReason(8, 8)).toBe(false);
    expect(needsOverOrderReason(8.01, 8)).toBe(true);
  });
});

describe(truckChoices.name, () => {
  const trucks = [
    truck({ id: 't1', fleetNumber: 'T10' }),
    truck({ id: 't2', fleetNumber: 'T2' }),
    truck({ id: 't3', fleetNumber: 'T3', homePlantId: 'plant-b' }),
    truck({ id: 't4', fleetNumber: 'T4', active: false }),
    truck({ id: 't5', fleetNumber: 'T1' }),
  ];
  const loads = new Map([
    ['x', load({ id: 'x', truckId: 't5', status: 'en_route' })],
    ['y', load({ id: 'y', truckId: 't2', status: 'back_at_plant' })],
  ]);

  it("offers the plant's active trucks, free first in fleet order, busy ones marked", () => {
    const choices = truckChoices(trucks, 'plant-a', loads);
    expect(choices.map((choice) => [choice.truck.fleetNumber, choice.busyWith?.id ?? null])).toEqual([
      ['T2', null],
      ['T10', null],
      ['T1', 'x'],
    ]);
  });

  it('does not call a truck busy with the load it is being assigned to', () => {
    const choices = truckChoices(trucks, 'plant-a', loads, 'x');
    expect(choices.find((choice) => choice.truck.id === 't5')?.busyWith).toBeNull();
  });
});

describe(divertTargets.name, () => {
  it("keeps today's other ready or running pours on the same mix", () => {
    const pours = [
      pour({ id: 'p1' }),
      pour({ id: 'p2' }),
      pour({ id: 'p3', status: 'ready' }),
      pour({ id: 'p4', status: 'confirmed' }),
      pour({ id: 'p5', mixId: 'm2' }),
    ];
    expect(divertTargets(pours, load({ pourId: 'p1', status: 'en_route' })).map((p) => p.id)).toEqual(['p2', 'p3']);
  });
});

describe(nextLoadAction.name, () => {
  it('assigns a truck first, then starts loading; nothing once past scheduled', () => {
    expect(nextLoadAction(load({ truckId: null }))).toBe('assign_truck');
    expect(nextLoadAction(load({ truckId: 't1' }))).toBe('start_loading');
    expect(nextLoadAction(load({ truckId: 't1', status: 'loading' }))).toBeNull();
  });
});

describe('canDivert', () => {
  it('moves concrete released and not yet poured', () => {
    expect(canDivert(load({ status: 'released' }))).toBe(true);
    expect(canDivert(load({ status: 'on_site' }))).toBe(true);
    expect(canDivert(load({ status: 'discharging' }))).toBe(false);
  });
});
