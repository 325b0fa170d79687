import { describe, expect, it } from '@jest/globals';
import type { PourDto } from '@pourline/contracts';
import { pourPace } from './pourProgress';

const START = Date.parse('2026-05-04T08:00:00Z');
const pour = {
  status: 'in_progress',
  scheduledStart: '2026-05-04T08:00:00Z',
  volumeM3: 240,
  pourRateM3PerHour: 60,
} as PourDto;
const volumes = (deliveredM3: number, inTransitM3 = 0) => ({ deliveredM3, inTransitM3, rejectedM3: 0, remainingM3: 0 });
const hoursIn = (hours: number) => START + hours * 3_600_000;

describe(pourPace.name, () => {
  it('says on pace when what is poured and on its way matches the planned rate', () => {
    expect(pourPace(pour, volumes(48, 12), hoursIn(1))).toBe('on_pace');
  });

  it('says behind when more than the tolerance short of the plan', () => {
    expect(pourPace(pour, volumes(36), hoursIn(1))).toBe('behind');
  });

  it('says ahead when more than the tolerance over the plan', () => {
    expect(pourPace(pour, volumes(60, 24), hoursIn(1))).toBe('ahead');
  });

  it('counts concrete in transit as committed', () => {
    expect(pourPace(pour, volumes(24, 36), hoursIn(1))).toBe('on_pace');
  });

  it('does not judge a pour before its start with nothing sent', () => {
    expect(pourPace(pour, volumes(0), hoursIn(-0.5))).toBe('not_started');
  });

  it('treats a completed pour as done', () => {
    expect(pourPace({ ...pour, status: 'completed' }, volumes(240), hoursIn(5))).toBe('done');
  });
});
