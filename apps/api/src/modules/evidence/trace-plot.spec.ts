import { projectTrace } from './trace-plot';

const box = { x: 10, y: 20, width: 200, height: 100 };

describe(projectTrace.name, () => {
  it('fits a trace into the box with north up, keeping its shape', () => {
    const points = projectTrace(
      [
        [31.9, 118.8, 0],
        [31.95, 118.85, 1],
      ],
      box,
    );
    const [[x0, y0], [x1, y1]] = points;
    expect(x1).toBeGreaterThan(x0);
    // Further north is higher on the page: a smaller y.
    expect(y1).toBeLessThan(y0);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(box.x - 1e-9);
      expect(x).toBeLessThanOrEqual(box.x + box.width + 1e-9);
      expect(y).toBeGreaterThanOrEqual(box.y - 1e-9);
      expect(y).toBeLessThanOrEqual(box.y + box.height + 1e-9);
    }
    // The box is wider than tall, so the height limits the scale and the trace spans it.
    expect(Math.abs(y1 - y0)).toBeCloseTo(box.height, 6);
  });

  it('draws a truck standing still as a point in the middle', () => {
    expect(projectTrace([[31.9, 118.8, 0]], box)).toEqual([[110, 70]]);
  });

  it('draws nothing without fixes', () => {
    expect(projectTrace([], box)).toEqual([]);
  });
});
