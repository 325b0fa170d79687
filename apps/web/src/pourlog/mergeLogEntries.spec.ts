import { describe, expect, it } from '@jest/globals';
import type { PourLogEntryDto } from '@pourline/contracts';
import { mergeLogEntries } from './mergeLogEntries';

const entry = (id: string, minute: number, overrides: Partial<PourLogEntryDto> = {}): PourLogEntryDto => ({
  id,
  kind: 'message',
  at: new Date(Date.UTC(2026, 10, 28, 2, minute)).toISOString(),
  by: { name: 'Wang', role: 'site_dispatcher' },
  code: 'pump_ready',
  params: {},
  text: '',
  proposal: null,
  ...overrides,
});
const none = { q: '', codes: [] };

describe(mergeLogEntries.name, () => {
  it('adds messages heard live to the fetched page, newest first, once each', () => {
    const fetched = [entry('b', 2), entry('load-event:1', 1, { kind: 'system', code: 'load.en_route' })];
    const merged = mergeLogEntries(fetched, [entry('c', 3), entry('b', 2)], none);
    expect(merged.map((item) => item.id)).toEqual(['c', 'b', 'load-event:1']);
  });

  it('adds a message heard live only if the search on screen would find it', () => {
    const heard = [entry('c', 3, { code: 'text', text: 'east gate' }), entry('d', 4, { code: 'text', text: 'west' })];
    expect(mergeLogEntries([], heard, { q: 'EAST', codes: [] }).map((item) => item.id)).toEqual(['c']);
    expect(mergeLogEntries([], [entry('e', 5)], { q: '泵', codes: ['pump_ready'] })).toHaveLength(1);
  });

  it('updates a fetched message with its confirmation, and keeps a confirmation over an older copy', () => {
    const proposal = {
      kind: 'remaining_volume' as const,
      remainingM3: 6,
      status: 'pending' as const,
      confirmedBy: null,
      confirmedAt: null,
      plannedM3: null,
    };
    const pending = entry('m', 1, { code: 'pour_finishing', proposal });
    const confirmed = entry('m', 1, {
      code: 'pour_finishing',
      proposal: { ...proposal, status: 'confirmed', confirmedBy: { name: 'Li', role: 'dispatcher' } },
    });
    expect(mergeLogEntries([pending], [confirmed], none)[0].proposal?.status).toBe('confirmed');
    expect(mergeLogEntries([confirmed], [pending], none)[0].proposal?.status).toBe('confirmed');
  });
});
