/** Thrown out of every wait once the simulation is stopped, so long sequences unwind at once. */
export class SimulationStopped extends Error {
  constructor() {
    super('simulation stopped');
  }
}

export function isStopped(error: unknown): boolean {
  return error instanceof SimulationStopped;
}

/** Waits `ms` real milliseconds, or rejects with SimulationStopped as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new SimulationStopped());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SimulationStopped());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Simulated time runs `timeScale` times faster than the wall clock; the API keeps wall-clock time. */
export class SimClock {
  constructor(
    readonly timeScale: number,
    private readonly signal: AbortSignal,
  ) {}

  /** Real milliseconds that `simSeconds` of simulated time take. */
  realMs(simSeconds: number): number {
    return (simSeconds * 1000) / this.timeScale;
  }

  /** Simulated seconds that pass in `realMs` real milliseconds. */
  simSeconds(realMs: number): number {
    return (realMs * this.timeScale) / 1000;
  }

  sleepReal(ms: number): Promise<void> {
    return sleep(ms, this.signal);
  }

  get stopped(): boolean {
    return this.signal.aborted;
  }
}

export function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min);
}
