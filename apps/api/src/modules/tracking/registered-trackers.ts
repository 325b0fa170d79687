import type { Clock } from '../../platform/clock/clock';
import type { RegisteredDevice } from './tracking.repository';

const FRESH_MS = 10_000;
const MISS_RELOAD_MS = 1_000;

/**
 * Tracker ids registered on trucks and pumps, kept in memory: ingest asks for
 * every position. A miss reloads at most once a second, so a newly registered
 * tracker is known within a second and an unknown one cannot hammer the database.
 * Past its freshness the list is read again in the background while trackers
 * keep being answered from it: no fix waits for that read.
 */
export class RegisteredTrackers {
  private devices = new Map<string, RegisteredDevice>();
  private loadedAt = 0;
  /** Changed on this instance since the last load: nothing in memory may answer until it is read again. */
  private invalidated = true;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly read: () => Promise<RegisteredDevice[]>,
    private readonly clock: Clock,
    private readonly warn: (message: string) => void,
  ) {}

  async find(deviceId: string): Promise<RegisteredDevice | undefined> {
    const age = this.ageMs();
    if (this.invalidated || age > FRESH_MS || (!this.devices.has(deviceId) && age > MISS_RELOAD_MS))
      await this.reload();
    return this.devices.get(deviceId);
  }

  /**
   * The device from memory; undefined means "ask `find`", not "unknown". Past
   * its freshness (10 s, which bounds how long a change made on another
   * instance goes unseen, plus one read) it still answers and starts a read.
   */
  known(deviceId: string): RegisteredDevice | undefined {
    if (this.invalidated) return undefined;
    if (this.ageMs() > FRESH_MS) this.revalidate();
    return this.devices.get(deviceId);
  }

  /** Reads the registered trackers again if they are older than a miss may wait. */
  async refresh(): Promise<void> {
    if (this.invalidated || this.ageMs() > MISS_RELOAD_MS) await this.reload();
  }

  /** From what is in memory, as of the last load. */
  isKnown(deviceId: string): boolean {
    return this.devices.has(deviceId);
  }

  /** Called when trucks or pumps change, so the next lookup reads them again. */
  invalidate(): void {
    this.invalidated = true;
  }

  private ageMs(): number {
    return this.clock.nowMs() - this.loadedAt;
  }

  /** A read in the background; if it fails, memory keeps answering and the next fix tries again. */
  private revalidate(): void {
    if (this.loading) return;
    this.reload().catch((error: unknown) => this.warn(`tracker list not read again: ${String(error)}`));
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      // A change made while this read is in flight may be missing from it: that change asks for another.
      const wasInvalidated = this.invalidated;
      this.invalidated = false;
      const startedAt = this.clock.nowMs();
      try {
        const devices = await this.read();
        this.devices = new Map(devices.map((device) => [device.deviceId, device]));
        this.loadedAt = startedAt;
      } catch (error) {
        // What was known to be out of date still is.
        this.invalidated ||= wasInvalidated;
        throw error;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
