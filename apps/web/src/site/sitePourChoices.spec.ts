import { describe, expect, it } from '@jest/globals';
import type { PourDto } from '@pourline/contracts';
import { groupByDay, otherDayPours } from './sitePourChoices';

const pour = (id: string, scheduledStart: string, status: PourDto['status'] = 'confirmed') =>
  ({ id, scheduledStart, status, plantTimeZone: 'Asia/Shanghai' }) as PourDto;

// 20:00 in Shanghai on 30 November.
const now = new Date('2026-11-30T12:00:00Z');

describe(otherDayPours.name, () => {
  it('leaves out today’s pours on the plant’s clock, and drafts', () => {
    const pours = [
      pour('today-early', '2026-11-29T17:00:00Z'), // 01:00 on the 30th in Shanghai
      pour('yesterday-late', '2026-11-29T15:30:00Z'), // 23:30 on the 29th in Shanghai
      pour('draft-tomorrow', '2026-12-01T02:00:00Z', 'draft'),
      pour('tomorrow', '2026-12-01T02:00:00Z'),
    ];
    expect(otherDayPours(pours, now).map((p) => p.id)).toEqual(['tomorrow', 'yesterday-late']);
  });

  it('offers the coming pours soonest first, then the past ones latest first, the nearest only', () => {
    const pours = [
      pour('last-week', '2026-11-23T02:00:00Z', 'completed'),
      pour('in-two-days', '2026-12-02T02:00:00Z'),
      pour('yesterday', '2026-11-29T02:00:00Z', 'completed'),
      pour('tomorrow', '2026-12-01T02:00:00Z'),
    ];
    expect(otherDayPours(pours, now).map((p) => p.id)).toEqual(['tomorrow', 'in-two-days', 'yesterday', 'last-week']);
    expect(otherDayPours(pours, now, 3).map((p) => p.id)).toEqual(['tomorrow', 'in-two-days', 'yesterday']);
  });
});

describe(groupByDay.name, () => {
  it('puts pours of the same plant day together, keeping the order', () => {
    const pours = [
      pour('a', '2026-12-01T01:00:00Z'),
      pour('b', '2026-12-01T08:00:00Z'),
      pour('c', '2026-11-29T02:00:00Z'),
    ];
    expect(groupByDay(pours).map((group) => [group.day, group.pours.map((p) => p.id)])).toEqual([
      ['2026-12-01', ['a', 'b']],
      ['2026-11-29', ['c']],
    ]);
  });
});
