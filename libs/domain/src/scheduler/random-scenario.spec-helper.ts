import fc from 'fast-check';
import { plant, pour, scenario, truck } from './scheduler-fixtures';
import type { SchedulerInput } from './types';

/**
 * Small random days for the scheduler's property tests: up to `maxPours`
 * pours (5–30 m³, windows of 20–160 minutes, gap limits of 0–15, rates of
 * 20–90 m³/h) and 1–4 trucks of 6–12 m³ with shift starts, at one plant with
 * a loading time and, half the time, a batch limit.
 */
export function randomScenario(maxPours: number): fc.Arbitrary<SchedulerInput> {
  return fc
    .record({
      pours: fc.array(
        fc.record({
          m3: fc.integer({ min: 1, max: 6 }),
          start: fc.integer({ min: 0, max: 120 }),
          span: fc.integer({ min: 20, max: 160 }),
          minutes: fc.integer({ min: 2, max: 25 }),
          gap: fc.integer({ min: 0, max: 15 }),
          rate: fc.integer({ min: 20, max: 90 }),
        }),
        { minLength: 1, maxLength: maxPours },
      ),
      trucks: fc.array(fc.record({ m3: fc.integer({ min: 6, max: 12 }), from: fc.integer({ min: 0, max: 60 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      loading: fc.integer({ min: 0, max: 10 }),
      loadsPerHour: fc.option(fc.integer({ min: 4, max: 20 }), { nil: undefined }),
    })
    .map((drawn) => {
      const pours = drawn.pours.map((p, i) =>
        pour(`S${i}`, {
          remainingM3: 5 * p.m3,
          window: { startMinute: p.start, endMinute: p.start + p.span },
          maxGapMinutes: p.gap,
          pourRateM3PerHour: p.rate,
        }),
      );
      return scenario({
        plants: [plant('P1', { loadingMinutes: drawn.loading, loadsPerHour: drawn.loadsPerHour })],
        pours,
        trucks: drawn.trucks.map((t, i) => truck(`T${i}`, { capacityM3: t.m3, freeFromMinute: t.from })),
        minutes: { P1: Object.fromEntries(pours.map((p, i) => [p.id, drawn.pours[i].minutes])) },
      });
    });
}
