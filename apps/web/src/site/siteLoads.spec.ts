import { describe, expect, it } from '@jest/globals';
import type { LoadDto } from '@pourline/contracts';
import type { OutboxItem } from './outbox';
import { expectedStatus, minutesSince, minutesUntil, pendingStepsByLoad, splitSiteLoads } from './siteLoads';

function load(id: string, status: LoadDto['status'], patch: Partial<LoadDto> = {}): LoadDto {
  return {
    id,
    status,
    queuePosition: 0,
    eta: null,
    updatedAt: '2025-01-01T08:00:00.000Z',
    ...patch,
  } as LoadDto;
}

function step(
  loadId: string,
  kind: 'arrive' | 'start-discharge' | 'end-discharge',
  id = `${loadId}-${kind}`,
): OutboxItem {
  return {
    id,
    action: { kind: 'load-step', step: kind, loadId, pourId: 'p', ticketNumber: loadId },
    createdAt: '2025-01-01T08:00:00.000Z',
    attempts: 0,
    retryAt: null,
    lastFailure: null,
    sendAfter: null,
  };
}

const eta = (arrivesAt: string) =>
  ({ arrivesAt, remainingM: 0, speedKmh: 0, method: 'route', beatsDeadline: null, slackMinutes: null }) as const;

describe(splitSiteLoads.name, () => {
  it('lists trucks coming by arrival time and trucks on site with the discharging one first', () => {
    const loads = [
      load('late', 'en_route', { eta: eta('2025-01-01T09:00:00Z') }),
      load('soon', 'en_route', { eta: eta('2025-01-01T08:30:00Z') }),
      load('no-eta', 'released'),
      load('waiting', 'on_site'),
      load('pouring', 'discharging'),
      load('done', 'discharged'),
      load('plant', 'loading'),
    ];
    const { coming, waiting } = splitSiteLoads(loads, new Map());
    expect(coming.map((entry) => entry.load.id)).toEqual(['soon', 'late', 'no-eta']);
    expect(waiting.map((entry) => entry.load.id)).toEqual(['pouring', 'waiting']);
  });

  it('moves a load by the steps still waiting in the outbox', () => {
    const pending = pendingStepsByLoad([step('a', 'arrive'), step('b', 'end-discharge')]);
    const { coming, waiting } = splitSiteLoads([load('a', 'en_route'), load('b', 'discharging')], pending);
    expect(coming).toHaveLength(0);
    expect(waiting.map((entry) => [entry.load.id, entry.status, entry.pending.length])).toEqual([
      ['a', 'on_site', 1],
      ['b', 'discharged', 1],
    ]);
  });
});

describe(expectedStatus.name, () => {
  it('takes the last pending step', () => {
    const pending = pendingStepsByLoad([step('a', 'arrive'), step('a', 'start-discharge')]).get('a');
    expect(expectedStatus('en_route', pending)).toBe('discharging');
    expect(expectedStatus('en_route', undefined)).toBe('en_route');
  });
});

describe('minutes', () => {
  const now = Date.parse('2025-01-01T08:00:00Z');
  it('counts age in whole minutes passed and countdowns in minutes started', () => {
    expect(minutesSince('2025-01-01T07:20:30Z', now)).toBe(39);
    expect(minutesUntil('2025-01-01T08:14:10Z', now)).toBe(15);
  });
});
