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
 * A committed change (a truck deactivated, a tracker moved, a secret replaced)
 * is announced by the database to every instance: from `changed()` on, memory
 * answers nothing until a read begun after it has answered, so no fix is judged
 * by the list before the change. Without notices, past its freshness the list
 * is read again in the background while trackers keep being answered from it;
 * a list that cannot be read for a minute answers nothing.
 */
export class RegisteredTrackers {
  private devices = new Map<string, RegisteredDevice>();
  /** When the read now in memory began; 0 before the first. */
  private loadedAt = 0;
  /** When the last read began, whether it succeeded or not. */
  private triedAt = 0;
  /** Counts the changes announced; the list in memory is current while it was read at the latest. */
  private version = 0;
  private loadedVersion = -1;
  /** The read in flight, and the change count it began at. */
  private loading: { version: number; done: Promise<void> } | undefined;

  constructor(
    private readonly read: () => Promise<RegisteredDevice[]>,
    private readonly clock: Clock,
    private readonly warn: (message: string) => void,
  ) {}

  async find(deviceId: string): Promise<RegisteredDevice | undefined> {
    const age = this.ageMs();
    if (!this.isCurrent() || age > FRESH_MS || (!this.devices.has(deviceId) && age > RETRY_MS)) await this.reload();
    return this.devices.get(deviceId);
  }

  /**
   * The device from memory; undefined means "ask `find`", not "unknown". Past
   * its freshness it still answers and starts a read in the background.
   */
  known(deviceId: string): RegisteredDevice | undefined {
    const age = this.ageMs();
    if (age > STALE_LIMIT_MS || !this.isCurrent()) return undefined;
    if (age > FRESH_MS) this.revalidate();
    return this.devices.get(deviceId);
  }

  /** Reads the registered trackers again if they changed, or are older than a miss may wait. */
  async refresh(): Promise<void> {
    if (!this.isCurrent() || this.ageMs() > RETRY_MS) await this.reload();
  }

  /** The trackers changed (or may have, while nobody listened): the next question waits for a fresh read. */
  changed(): void {
    this.version += 1;
  }

  /** From what is in memory, as of the last load. */
  isKnown(deviceId: string): boolean {
    return this.devices.has(deviceId);
  }

  private isCurrent(): boolean {
    return this.loadedVersion === this.version;
  }

  private ageMs(): number {
    return this.clock.nowMs() - this.loadedAt;
  }

  /** A read in the background; if it fails, memory keeps answering and a fix a second later tries again. */
  private revalidate(): void {
    if (this.loading || this.clock.nowMs() - this.triedAt < RETRY_MS) return;
    this.reload().catch((error: unknown) => this.warn(`tracker list not read again: ${String(error)}`));
  }

  /**
   * One read at a time, in order: a change announced while a read is in flight
   * queues a new read behind it rather than trusting an answer begun before the change.
   */
  private reload(): Promise<void> {
    if (this.loading?.version === this.version) return this.loading.done;
    const version = this.version;
    const readNow = async () => {
      const startedAt = this.clock.nowMs();
      this.triedAt = startedAt;
      const devices = await this.read();
      this.devices = new Map(devices.map((device) => [device.deviceId, device]));
      this.loadedAt = startedAt;
      this.loadedVersion = version;
    };
    const done = this.loading ? this.loading.done.then(readNow, readNow) : readNow();
    const entry = { version, done };
    this.loading = entry;
    const settle = () => {
      if (this.loading === entry) this.loading = undefined;
    };
    done.then(settle, settle);
    return done;
  }
}
