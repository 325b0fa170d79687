import type { Clock } from '../../platform/clock/clock';
import type { RegisteredDevice } from './tracking.repository';

/** How long the list answers before it is read again (in the background, for trackers in it). */
const FRESH_MS = 10_000;
/** A miss, or a failed background read, reads again at most this often. */
const RETRY_MS = 1_000;
/** Past this age the list answers nothing: fixes wait for a read, and get 503 while it cannot be made. */
const STALE_LIMIT_MS = 60_000;

/**
 * Tracker ids registered on trucks and pumps, kept in memory: ingest asks for
 * every position. A miss reloads at most once a second, so a newly registered
 * tracker is known within a second and an unknown one cannot hammer the database.
 * Past its freshness the list is read again in the background while trackers
 * keep being answered from it: no fix of a known tracker waits for that read.
 * A change (a truck deactivated, a tracker moved) is seen within 10 s and one
 * read; a list that cannot be read for a minute answers nothing.
 */
export class RegisteredTrackers {
  private devices = new Map<string, RegisteredDevice>();
  /** When the read now in memory began; 0 before the first. */
  private loadedAt = 0;
  /** When the last read began, whether it succeeded or not. */
  private triedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly read: () => Promise<RegisteredDevice[]>,
    private readonly clock: Clock,
    private readonly warn: (message: string) => void,
  ) {}

  async find(deviceId: string): Promise<RegisteredDevice | undefined> {
    const age = this.ageMs();
    if (age > FRESH_MS || (!this.devices.has(deviceId) && age > RETRY_MS)) await this.reload();
    return this.devices.get(deviceId);
  }

  /**
   * The device from memory; undefined means "ask `find`", not "unknown". Past
   * its freshness it still answers and starts a read in the background.
   */
  known(deviceId: string): RegisteredDevice | undefined {
    const age = this.ageMs();
    if (age > STALE_LIMIT_MS) return undefined;
    if (age > FRESH_MS) this.revalidate();
    return this.devices.get(deviceId);
  }

  /** Reads the registered trackers again if they are older than a miss may wait. */
  async refresh(): Promise<void> {
    if (this.ageMs() > RETRY_MS) await this.reload();
  }

  /** From what is in memory, as of the last load. */
  isKnown(deviceId: string): boolean {
    return this.devices.has(deviceId);
  }

  private ageMs(): number {
    return this.clock.nowMs() - this.loadedAt;
  }

  /** A read in the background; if it fails, memory keeps answering and a fix a second later tries again. */
  private revalidate(): void {
    if (this.loading || this.clock.nowMs() - this.triedAt < RETRY_MS) return;
    this.reload().catch((error: unknown) => this.warn(`tracker list not read again: ${String(error)}`));
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      const startedAt = this.clock.nowMs();
      this.triedAt = startedAt;
      try {
        const devices = await this.read();
        this.devices = new Map(devices.map((device) => [device.deviceId, device]));
        this.loadedAt = startedAt;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
