import { describe, expect, it } from '@jest/globals';
import type { PourMessageDto } from '@pourline/contracts';
import { laterCopy, mergePourMessage } from './pourMessages';

function message(id: string, minute: number, overrides: Partial<PourMessageDto> = {}): PourMessageDto {
  return {
    id,
    kind: 'message',
    pourId: 'pour-1',
    projectId: 'project-1',
    at: new Date(Date.UTC(2026, 10, 28, 2, minute)).toISOString(),
    by: { name: 'Wang', role: 'site_dispatcher' },
    code: 'pump_ready',
    params: {},
    text: '',
    proposal: null,
    ...overrides,
  };
}

const pending = (id: string) =>
  message(id, 1, {
    code: 'pour_finishing',
    params: { lastLoadM3: 6 },
    proposal: {
      kind: 'remaining_volume',
      remainingM3: 6,
      status: 'pending',
      confirmedBy: null,
      confirmedAt: null,
      plannedM3: null,
    },
  });
const confirmed = (id: string) => {
  const base = pending(id);
  return {
    ...base,
    proposal: {
      ...base.proposal!,
      status: 'confirmed' as const,
      confirmedBy: { name: 'Li', role: 'dispatcher' as const },
      confirmedAt: base.at,
      plannedM3: { from: 240, to: 130 },
    },
  };
};

describe(mergePourMessage.name, () => {
  it('keeps a pour’s messages oldest first, whatever order they arrive in', () => {
    let list = mergePourMessage(undefined, message('b', 2));
    list = mergePourMessage(list, message('a', 1));
    list = mergePourMessage(list, message('c', 3));
    expect(list.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one copy of a message heard twice, and the same list when nothing changed', () => {
    const list = mergePourMessage(undefined, message('a', 1));
    expect(mergePourMessage(list, message('a', 1))).toHaveLength(1);
    expect(mergePourMessage(list, confirmed('x'))).not.toBe(list);
  });

  it('takes a confirmation, and never lets an older pending copy undo it', () => {
    let list = mergePourMessage(undefined, pending('a'));
    list = mergePourMessage(list, confirmed('a'));
    expect(list[0].proposal?.status).toBe('confirmed');
    const again = mergePourMessage(list, pending('a'));
    expect(again).toBe(list);
  });

  it('keeps only the newest messages past the cap', () => {
    let list = mergePourMessage(undefined, message('a', 1), 2);
    list = mergePourMessage(list, message('b', 2), 2);
    list = mergePourMessage(list, message('c', 3), 2);
    expect(list.map((item) => item.id)).toEqual(['b', 'c']);
  });
});

describe(laterCopy.name, () => {
  it('prefers the newer copy unless the older one was confirmed', () => {
    expect(laterCopy(undefined, pending('a'))).toEqual(pending('a'));
    expect(laterCopy(pending('a'), confirmed('a')).proposal?.status).toBe('confirmed');
    expect(laterCopy(confirmed('a'), pending('a')).proposal?.status).toBe('confirmed');
  });
});
