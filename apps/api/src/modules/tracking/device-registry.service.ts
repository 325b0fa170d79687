import { Injectable } from '@nestjs/common';
import { type RegisteredDevice, TrackingRepository } from './tracking.repository';

const FRESH_MS = 10_000;
const MISS_RELOAD_MS = 1_000;

/**
 * Tracker ids registered on trucks and pumps, kept in memory: ingest asks for
 * every position. A miss reloads at most once a second, so a newly registered
 * tracker is known within a second and an unknown one cannot hammer the database.
 */
@Injectable()
export class DeviceRegistry {
  private devices = new Map<string, RegisteredDevice>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly repository: TrackingRepository) {}

  async find(deviceId: string): Promise<RegisteredDevice | undefined> {
    const age = Date.now() - this.loadedAt;
    if (age > FRESH_MS || (!this.devices.has(deviceId) && age > MISS_RELOAD_MS)) await this.reload();
    return this.devices.get(deviceId);
  }

  /** The device from memory while it is fresh; undefined means "ask `find`", not "unknown". */
  known(deviceId: string): RegisteredDevice | undefined {
    return Date.now() - this.loadedAt > FRESH_MS ? undefined : this.devices.get(deviceId);
  }

  /** Reads the registered trackers again if they are older than a miss may wait. */
  async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt > MISS_RELOAD_MS) await this.reload();
  }

  /** From what is in memory, as of the last load. */
  isKnown(deviceId: string): boolean {
    return this.devices.has(deviceId);
  }

  /** Called when trucks or pumps change, so the next lookup reads them again. */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private reload(): Promise<void> {
    this.loading ??= this.repository
      .registeredDevices()
      .then((devices) => {
        this.devices = new Map(devices.map((device) => [device.deviceId, device]));
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
