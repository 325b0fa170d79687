import { describe, expect, it } from '@jest/globals';
import type { LoadDto } from '@pourline/contracts';
import { plantQueueSignature } from './plantQueueSignature';

const load = (id: string, fields: Partial<LoadDto> = {}) =>
  ({ id, plantId: 'p1', status: 'scheduled', truckId: null, eta: null, ...fields }) as LoadDto;

describe(plantQueueSignature.name, () => {
  it('changes when a load of the plant appears or changes state', () => {
    const before = plantQueueSignature(new Map([['a', load('a')]]), 'p1');
    const added = plantQueueSignature(
      new Map([
        ['a', load('a')],
        ['b', load('b')],
      ]),
      'p1',
    );
    const moved = plantQueueSignature(new Map([['a', load('a', { status: 'loading' })]]), 'p1');
    expect(added).not.toBe(before);
    expect(moved).not.toBe(before);
  });

  it('ignores other plants and moves on the road', () => {
    const before = plantQueueSignature(new Map([['a', load('a')]]), 'p1');
    const other = plantQueueSignature(
      new Map([
        ['a', load('a')],
        ['x', load('x', { plantId: 'p2' })],
      ]),
      'p1',
    );
    const eta = plantQueueSignature(new Map([['a', load('a', { updatedAt: 'later' })]]), 'p1');
    expect(other).toBe(before);
    expect(eta).toBe(before);
  });
});
