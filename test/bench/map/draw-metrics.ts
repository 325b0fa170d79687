import type { Browser, CDPSession, Page } from 'playwright-core';
import { Samples } from '../latency';

/** One piece of work a page's truck drawing reported: a draw, or a batch of positions applied. */
export interface TimedWork {
  work: 'draw' | 'apply';
  start: number;
  durationMs: number;
}

interface LongTask {
  start: number;
  duration: number;
}

/** A long animation frame (≥ 50 ms) and the scripts that ran in it, where the browser tells. */
interface LongFrame {
  start: number;
  duration: number;
  /** When rendering (style, layout, paint) and style and layout began, 0 if the frame rendered nothing. */
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: Array<{ invoker: string; source: string; duration: number }>;
}

/** Where the time of the long animation frames went. */
export interface LongFrameSummary {
  frames: number;
  totalMs: number;
  scriptMs: number;
  renderMs: number;
  styleLayoutMs: number;
  /** Script time by what ran it, largest first. */
  scripts: Array<{ script: string; ms: number }>;
}

export interface DrawMeasure {
  seconds: number;
  draws: Samples;
  maxDrawMs: number;
  /** Time spent applying positions (Pourline: the truck layer taking the store's fixes; baseline: setLatLng). */
  applyMs: number;
  /** Timings the page overwrote before they were read (its ring buffer is finite). */
  lostTimings: number;
  longTasks: LongTask[];
  /** Per long task, how much of it was the truck drawing's own work (draws and applies inside it). */
  layerMsPerLongTask: number[];
  /** Long animation frames, where the browser reports them (null where it does not). */
  longFrames: LongFrameSummary | null;
  /** Share of wall time the renderer's main thread spent running tasks, and in script. */
  busyShare: number;
  scriptShare: number;
  /** CPU seconds per wall second of the page's renderer process and of the GPU process (compositing, raster). */
  rendererCpu: number;
  gpuCpu: number;
  visibility: string;
}

// In-page code is sent as source text: the page has its own globals, and a
// transpiled function could carry helpers the page does not have.
const START_PROBE = `(() => {
  const probe = { longTasks: [], frames: [], observers: [], longFramesSupported: false };
  const observe = (type, each) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return false;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(each));
    observer.observe({ type });
    probe.observers.push(observer);
    return true;
  };
  observe('longtask', (entry) => probe.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  probe.longFramesSupported = observe('long-animation-frame', (entry) => probe.frames.push({
    start: entry.startTime,
    duration: entry.duration,
    renderStart: entry.renderStart,
    styleAndLayoutStart: entry.styleAndLayoutStart,
    scripts: entry.scripts.map((script) => ({
      invoker: script.invoker,
      source: (script.sourceURL || '').split('/').pop() + (script.sourceFunctionName ? ' ' + script.sourceFunctionName : ''),
      duration: script.duration,
    })),
  }));
  window.__benchProbe = probe;
})()`;

const STOP_PROBE = `(() => {
  const probe = window.__benchProbe;
  probe.observers.forEach((observer) => observer.disconnect());
  delete window.__benchProbe;
  return {
    longTasks: probe.longTasks,
    frames: probe.frames,
    longFramesSupported: probe.longFramesSupported,
    visibility: document.visibilityState,
  };
})()`;

type Metrics = Record<string, number>;

/** Where a page reports its drawing work: an expression taking the sequence number to read from. */
export type TimingsSource = (from: number) => string;

async function readTimings(
  page: Page,
  source: TimingsSource,
  from: number,
): Promise<{ next: number; lost: number; entries: TimedWork[] }> {
  return (await page.evaluate(source(from))) as { next: number; lost: number; entries: TimedWork[] };
}

/** CPU seconds so far of renderer processes and of the GPU process, from the browser's own accounting. */
async function processCpu(session: CDPSession): Promise<{ renderer: number; gpu: number }> {
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
    processInfo: Array<{ type: string; cpuTime: number }>;
  };
  const sum = (type: string) =>
    processInfo.filter((info) => info.type === type).reduce((total, info) => total + info.cpuTime, 0);
  return { renderer: sum('renderer'), gpu: sum('GPU') + sum('gpu-process') };
}

function overlap(a: LongTask, b: TimedWork): number {
  return Math.max(0, Math.min(a.start + a.duration, b.start + b.durationMs) - Math.max(a.start, b.start));
}

/**
 * Over one window: every draw the page's truck drawing made and how long it took (timed inside the
 * draw by the page itself), the time it spent applying positions, long tasks with the share of each
 * that was the drawing's own work, script attribution of long animation frames, the main thread's
 * busy share and the CPU time of the renderer and GPU processes. Only this page should be open.
 */
export async function measureDrawing(
  browser: Browser,
  page: Page,
  seconds: number,
  source: TimingsSource,
): Promise<DrawMeasure> {
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  const browserCdp = await browser.newBrowserCDPSession();
  try {
    await cdp.send('Performance.enable');
    const read = async (): Promise<Metrics> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    };
    const { next } = await readTimings(page, source, Number.MAX_SAFE_INTEGER);
    await page.evaluate(START_PROBE);
    const cpuBefore = await processCpu(browserCdp);
    const before = await read();
    await page.waitForTimeout(seconds * 1000);
    const after = await read();
    const cpuAfter = await processCpu(browserCdp);
    const probe = (await page.evaluate(STOP_PROBE)) as {
      longTasks: LongTask[];
      frames: LongFrame[];
      longFramesSupported: boolean;
      visibility: string;
    };
    const timings = await readTimings(page, source, next);
    const wall = after.Timestamp - before.Timestamp;

    const draws = new Samples();
    let maxDrawMs = 0;
    let applyMs = 0;
    for (const entry of timings.entries) {
      if (entry.work === 'draw') {
        draws.add(entry.durationMs);
        maxDrawMs = Math.max(maxDrawMs, entry.durationMs);
      } else {
        applyMs += entry.durationMs;
      }
    }
    const layerMsPerLongTask = probe.longTasks.map((task) =>
      timings.entries.reduce((sum, entry) => sum + overlap(task, entry), 0),
    );
    const byScript = new Map<string, number>();
    const longFrames: LongFrameSummary = {
      frames: probe.frames.length,
      totalMs: 0,
      scriptMs: 0,
      renderMs: 0,
      styleLayoutMs: 0,
      scripts: [],
    };
    for (const frame of probe.frames) {
      const end = frame.start + frame.duration;
      longFrames.totalMs += frame.duration;
      if (frame.renderStart > 0) longFrames.renderMs += end - frame.renderStart;
      if (frame.styleAndLayoutStart > 0) longFrames.styleLayoutMs += end - frame.styleAndLayoutStart;
      for (const script of frame.scripts) {
        const name = `${script.invoker} (${script.source})`;
        byScript.set(name, (byScript.get(name) ?? 0) + script.duration);
        longFrames.scriptMs += script.duration;
      }
    }
    longFrames.scripts = [...byScript]
      .map(([script, ms]) => ({ script, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4);
    return {
      seconds: wall,
      draws,
      maxDrawMs,
      applyMs,
      lostTimings: timings.lost,
      longTasks: probe.longTasks,
      layerMsPerLongTask,
      longFrames: probe.longFramesSupported ? longFrames : null,
      busyShare: (after.TaskDuration - before.TaskDuration) / wall,
      scriptShare: (after.ScriptDuration - before.ScriptDuration) / wall,
      rendererCpu: (cpuAfter.renderer - cpuBefore.renderer) / wall,
      gpuCpu: (cpuAfter.gpu - cpuBefore.gpu) / wall,
      visibility: probe.visibility,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await browserCdp.detach().catch(() => undefined);
  }
}
