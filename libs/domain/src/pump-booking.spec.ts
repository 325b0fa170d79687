import { DEFAULT_PLAN_RULES } from './plan-rules';
import type { PourStatus } from './pour-status';
import { bookingsOverlap, holdsItsPump, pumpBooking, pumpClashes, type PumpedPour } from './pump-booking';

const at = (iso: string) => new Date(iso);
/** 90 m³ at 45 m³/h: two hours of pumping from 08:00. */
const candidate: PumpedPour = { scheduledStart: at('2026-05-04T08:00:00Z'), volumeM3: 90, pourRateM3PerHour: 45 };

describe(pumpBooking.name, () => {
  it('books set-up before the start, pumping at the planned rate, and clean-down after', () => {
    expect(pumpBooking(candidate, DEFAULT_PLAN_RULES)).toEqual({
      from: at('2026-05-04T07:30:00Z'),
      pumpingFrom: at('2026-05-04T08:00:00Z'),
      pumpingUntil: at('2026-05-04T10:00:00Z'),
      until: at('2026-05-04T10:30:00Z'),
    });
  });

  it('is as long as start → start + volume ÷ rate + set-up + clean-down', () => {
    const booking = pumpBooking({ ...candidate, volumeM3: 100, pourRateM3PerHour: 40 }, DEFAULT_PLAN_RULES);
    const minutes = (booking.until.getTime() - booking.from.getTime()) / 60_000;
    expect(minutes).toBe((100 / 40) * 60 + 30 + 30);
  });

  it('takes the plant’s own allowances', () => {
    const booking = pumpBooking(candidate, { pumpSetUpMinutes: 0, pumpCleanDownMinutes: 45 });
    expect(booking.from).toEqual(at('2026-05-04T08:00:00Z'));
    expect(booking.until).toEqual(at('2026-05-04T10:45:00Z'));
  });

  it.each([
    ['a zero volume', { volumeM3: 0 }],
    ['a zero pour rate', { pourRateM3PerHour: 0 }],
    ['an invalid start', { scheduledStart: new Date('nonsense') }],
  ])('refuses %s', (_case, change) => {
    expect(() => pumpBooking({ ...candidate, ...change }, DEFAULT_PLAN_RULES)).toThrow(RangeError);
  });

  it('refuses a negative allowance', () => {
    expect(() => pumpBooking(candidate, { pumpSetUpMinutes: -1, pumpCleanDownMinutes: 30 })).toThrow(RangeError);
  });
});

describe(bookingsOverlap.name, () => {
  const span = (from: string, until: string) => ({
    from: at(`2026-05-04T${from}:00Z`),
    until: at(`2026-05-04T${until}:00Z`),
  });
  const ours = span('07:30', '10:30');

  it.each([
    ['ends before ours starts', span('05:00', '07:00'), false],
    ['ends the instant ours starts', span('05:00', '07:30'), false],
    ['ends one minute into ours', span('05:00', '07:31'), true],
    ['lies inside ours', span('08:00', '09:00'), true],
    ['covers ours', span('07:00', '11:00'), true],
    ['starts one minute before ours ends', span('10:29', '12:00'), true],
    ['starts the instant ours ends', span('10:30', '12:00'), false],
    ['starts after ours', span('11:00', '12:00'), false],
  ])('says a booking that %s overlaps: %s', (_case, other, expected) => {
    expect(bookingsOverlap(ours, other)).toBe(expected);
    expect(bookingsOverlap(other, ours)).toBe(expected);
  });
});

describe(pumpClashes.name, () => {
  type Other = PumpedPour & { id: string; status: PourStatus };
  /** Another pour of the same pump, `volumeM3` at 45 m³/h from `start`. */
  const other = (id: string, start: string, volumeM3 = 90, status: PourStatus = 'confirmed'): Other => ({
    id,
    status,
    scheduledStart: at(`2026-05-04T${start}:00Z`),
    volumeM3,
    pourRateM3PerHour: 45,
  });
  const ids = (others: Other[]) => pumpClashes(candidate, others, DEFAULT_PLAN_RULES).map(({ pour }) => pour.id);

  it.each([
    // The other pour pumps 2 h and is booked 30 min either side, as ours is (07:30–10:30).
    ['ends its clean-down as our set-up begins', '05:00', false],
    ['ends its clean-down one minute into our set-up', '05:01', true],
    ['starts at the same time', '08:00', true],
    ['starts its set-up as our clean-down ends', '11:00', false],
    ['starts its set-up one minute before our clean-down ends', '10:59', true],
  ])('names a pour that %s: %s', (_case, start, clashes) => {
    expect(ids([other('b', start)])).toEqual(clashes ? ['b'] : []);
  });

  it.each<[PourStatus, boolean]>([
    ['draft', true],
    ['confirmed', true],
    ['ready', true],
    ['in_progress', true],
    ['completed', false],
    ['cancelled', false],
  ])('counts a %s pour as holding the pump: %s', (status, clashes) => {
    expect(holdsItsPump(status)).toBe(clashes);
    expect(ids([other('b', '08:00', 90, status)])).toEqual(clashes ? ['b'] : []);
  });

  it('names every clashing pour, earliest booking first, with its booking', () => {
    const clashes = pumpClashes(
      candidate,
      [other('late', '10:00'), other('free', '13:00'), other('early', '04:30', 135)],
      DEFAULT_PLAN_RULES,
    );
    expect(clashes.map(({ pour }) => pour.id)).toEqual(['early', 'late']);
    expect(clashes[0].booking).toEqual({
      from: at('2026-05-04T04:00:00Z'),
      pumpingFrom: at('2026-05-04T04:30:00Z'),
      pumpingUntil: at('2026-05-04T07:30:00Z'),
      until: at('2026-05-04T08:00:00Z'),
    });
  });

  it('lets two pours follow each other closely when the plant allows no set-up or clean-down', () => {
    const tight = { pumpSetUpMinutes: 0, pumpCleanDownMinutes: 0 };
    expect(pumpClashes(candidate, [other('b', '10:00')], tight)).toEqual([]);
    expect(pumpClashes(candidate, [other('b', '09:59')], tight)).toHaveLength(1);
  });
});
