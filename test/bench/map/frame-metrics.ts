import type { Page } from 'playwright-core';
import { Samples } from '../latency';

export interface FrameMeasure {
  seconds: number;
  /** Time between consecutive animation frames, ms. */
  frameTimes: Samples;
  maxFrameMs: number;
  /** Share of wall time the renderer's main thread spent running tasks. */
  busyShare: number;
  /** Shares of wall time spent in script, and in style recalculation and layout. */
  scriptShare: number;
  styleLayoutShare: number;
  longTasks: number;
  longTaskMs: number;
  visibility: string;
}

// In-page code is sent as source text: the page has its own globals, and a
// transpiled function could carry helpers the page does not have.
const START_PROBE = `(() => {
  const probe = { deltas: [], longTasks: [], last: null, running: true };
  const tick = (now) => {
    if (!probe.running) return;
    if (probe.last !== null) probe.deltas.push(now - probe.last);
    probe.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  probe.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  });
  probe.observer.observe({ type: 'longtask' });
  window.__benchFrameProbe = probe;
})()`;

const STOP_PROBE = `(() => {
  const probe = window.__benchFrameProbe;
  probe.running = false;
  probe.observer.disconnect();
  delete window.__benchFrameProbe;
  return { deltas: probe.deltas, longTasks: probe.longTasks, visibility: document.visibilityState };
})()`;

type Metrics = Record<string, number>;

/**
 * Frame times from a requestAnimationFrame loop in the page, the main
 * thread's busy share from the DevTools Performance domain, and long tasks,
 * all over the same window.
 */
export async function measureFrames(page: Page, seconds: number): Promise<FrameMeasure> {
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async (): Promise<Metrics> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    };
    await page.evaluate(START_PROBE);
    const before = await read();
    await page.waitForTimeout(seconds * 1000);
    const after = await read();
    const probe = (await page.evaluate(STOP_PROBE)) as { deltas: number[]; longTasks: number[]; visibility: string };
    const wall = after.Timestamp - before.Timestamp;
    const frameTimes = new Samples();
    probe.deltas.forEach((delta) => frameTimes.add(delta));
    return {
      seconds: wall,
      frameTimes,
      maxFrameMs: Math.max(0, ...probe.deltas),
      busyShare: (after.TaskDuration - before.TaskDuration) / wall,
      scriptShare: (after.ScriptDuration - before.ScriptDuration) / wall,
      styleLayoutShare:
        (after.RecalcStyleDuration - before.RecalcStyleDuration + after.LayoutDuration - before.LayoutDuration) / wall,
      longTasks: probe.longTasks.length,
      longTaskMs: probe.longTasks.reduce((sum, duration) => sum + duration, 0),
      visibility: probe.visibility,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
