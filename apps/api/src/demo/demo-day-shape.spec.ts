import { shapeDemoDay } from './demo-day-shape';
import { DEMO_POURS } from './demo-pours';

const minutes = (start: string) => Number(start.slice(0, 2)) * 60 + Number(start.slice(3));

describe('shapeDemoDay', () => {
  it('keeps the day as written from mid-morning on, and in the first ten minutes after midnight', () => {
    expect(shapeDemoDay(DEMO_POURS, 10 * 60)).toEqual(DEMO_POURS);
    expect(shapeDemoDay(DEMO_POURS, 17 * 60)).toEqual(DEMO_POURS);
    expect(shapeDemoDay(DEMO_POURS, 9)).toEqual(DEMO_POURS);
  });

  it.each([10, 11, 20, 30, 60, 90, 200, 420, 599])(
    'at %i minutes past midnight: finished pours end before now, pours under way started, the rest lie ahead in order',
    (now) => {
      const shaped = shapeDemoDay(DEMO_POURS, now);
      expect(shaped.map((pour) => pour.status)).toEqual(DEMO_POURS.map((pour) => pour.status));
      for (const pour of shaped) {
        const start = minutes(pour.start);
        expect(start).toBeGreaterThanOrEqual(5);
        if (pour.status === 'completed') {
          expect(pour.volumeM3).toBeGreaterThanOrEqual(1);
          expect(start + (pour.volumeM3 / pour.pourRateM3PerHour) * 60).toBeLessThanOrEqual(now);
        } else if (pour.status === 'in_progress') expect(start).toBeLessThan(now);
        else expect(start).toBeGreaterThanOrEqual(now);
      }
      const starts = shaped.map((pour) => minutes(pour.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      // Pours ahead keep their size; those under way are smaller for the hours they had.
      const ahead = (pours: typeof DEMO_POURS) =>
        pours.filter((pour) => pour.status !== 'completed' && pour.status !== 'in_progress').map((p) => p.volumeM3);
      expect(ahead(shaped)).toEqual(ahead(DEMO_POURS));
      shaped.forEach((pour, index) => {
        if (pour.status === 'in_progress') {
          expect(pour.volumeM3).toBeGreaterThanOrEqual(Math.min(60, DEMO_POURS[index].volumeM3));
          expect(pour.volumeM3).toBeLessThanOrEqual(DEMO_POURS[index].volumeM3);
        }
      });
    },
  );
});
