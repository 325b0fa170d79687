import { describe, expect, it } from '@jest/globals';
import type { PourRequestDto } from '@pourline/contracts';
import { latestRequestOf, openRequests } from './openRequests';

const asked = Date.parse('2026-11-30T02:00:00Z');
const request = (id: string, fields: Partial<PourRequestDto> = {}): [string, PourRequestDto] => [
  id,
  {
    id,
    pourId: 'pour-1',
    projectId: 'project-1',
    kind: 'hold',
    note: '',
    byName: 'Liu Yang',
    at: new Date(asked).toISOString(),
    acknowledgement: null,
    ...fields,
  },
];

describe(openRequests.name, () => {
  it('lists unanswered requests oldest first and marks those unanswered for over two minutes', () => {
    const requests = new Map([
      request('b', { at: new Date(asked + 60_000).toISOString() }),
      request('a'),
      request('c', { acknowledgement: { byName: 'Wang Lei', at: new Date(asked).toISOString(), note: '' } }),
    ]);
    const open = openRequests(requests, asked + 150_000);
    expect(open.map((entry) => [entry.request.id, entry.overdue])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('keeps to one pour when asked', () => {
    const requests = new Map([request('a'), request('b', { pourId: 'pour-2' })]);
    expect(openRequests(requests, asked, 'pour-2').map((entry) => entry.request.id)).toEqual(['b']);
  });
});

describe(latestRequestOf.name, () => {
  it('finds the pour’s newest request, answered or not', () => {
    const requests = new Map([request('a'), request('b', { at: new Date(asked + 1).toISOString() })]);
    expect(latestRequestOf(requests, 'pour-1')?.id).toBe('b');
    expect(latestRequestOf(requests, 'pour-9')).toBeNull();
  });
});
