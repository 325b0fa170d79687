import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { IngestBatchResultDto, PositionReport } from '@pourline/contracts';
import { implausibleFixReasons } from '@pourline/domain';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { DomainError, InvalidInputError } from '../../platform/errors/domain-error';
import { DeviceRegistry } from './device-registry.service';
import { secretMatches } from '../fleet/tracker-secret';
import { EventLoopLag, type IngestOverloadedError, overload } from './ingest-pressure';
import { type PositionSink, PositionWriter, StorageUnavailableError } from './position-writer.service';
import type { RegisteredDevice } from './tracking.repository';
import { PumpStatusService } from './pump-status.service';
import { UnknownDevices } from './unknown-devices';

export class UnknownDeviceError extends DomainError {
  constructor(deviceId: string) {
    super(404, 'unknown_device', `Tracker "${deviceId}" is not registered on any truck or pump`);
  }
}

export class DeviceSecretError extends DomainError {
  constructor(deviceId: string) {
    super(401, 'device_secret_mismatch', `Tracker "${deviceId}" must send its secret (secret or key)`);
  }
}

export class DeviceSecretRequiredError extends DomainError {
  constructor(deviceId: string) {
    super(
      401,
      'device_secret_required',
      `Tracker "${deviceId}" has no secret registered; this server takes positions only from trackers with one`,
    );
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function requireParsed<T>(result: Parsed<T>): T {
  if (!result.ok)
    throw new InvalidInputError('invalid_position', `Invalid position: ${result.errors.join('; ')}`, result.errors);
  return result.value;
}

export class ImplausiblePositionError extends InvalidInputError {
  constructor(reasons: string[]) {
    super('implausible_position', `Implausible position: ${reasons.join('; ')}`, reasons);
  }
}

const OVERLOAD_LOG_MS = 10_000;

/** From a parsed report to a stored position, or a clear reason why not. */
@Injectable()
export class IngestService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IngestService.name);
  private readonly lag = new EventLoopLag();
  /** Fixes turned away since the last line saying so. */
  private turnedAway = 0;
  private toldAt = 0;

  constructor(
    private readonly devices: DeviceRegistry,
    private readonly writer: PositionWriter,
    private readonly unknownDevices: UnknownDevices,
    private readonly pumpStatus: PumpStatusService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.lag.start();
  }

  onModuleDestroy(): void {
    this.lag.stop();
  }

  /** Why no fix can be taken right now (the server is behind), or null. */
  overloaded(): IngestOverloadedError | null {
    const refusal = overload(
      { eventLoopLagMs: this.lag.currentMs, oldestWaitingMs: this.writer.oldestWaitingMs() },
      { maxEventLoopLagMs: this.config.ingestMaxEventLoopLagMs, maxQueueAgeMs: this.config.ingestMaxQueueAgeMs },
    );
    if (refusal) this.tell(refusal);
    return refusal;
  }

  /** Overload is said in the log at most every few seconds, with how many fixes it turned away. */
  private tell(refusal: IngestOverloadedError): void {
    this.turnedAway += 1;
    const now = Date.now();
    if (now - this.toldAt < OVERLOAD_LOG_MS) return;
    this.logger.warn(`${this.turnedAway} position(s) answered 503: ${refusal.message}`);
    this.turnedAway = 0;
    this.toldAt = now;
  }

  async accept(report: PositionReport): Promise<{ positionId: string }> {
    const refusal = this.overloaded();
    if (refusal) throw refusal;
    return this.acceptNow(report);
  }

  /**
   * The tracker path: a truck known from memory is checked and queued at once,
   * and `sink` is told once its fix is stored, with no promise per fix; anything
   * else (a pump, a registry to read first) takes the path of `accept`.
   */
  acceptInto<T>(report: PositionReport, sink: PositionSink<T>, token: T): void {
    const refusal = this.overloaded();
    if (refusal) return sink.failed(token, refusal);
    const device = this.devices.known(report.deviceId);
    if (device?.entityType !== 'truck') {
      this.acceptNow(report).then(
        (stored) => sink.stored(token, stored.positionId),
        (error: Error) => sink.failed(token, error),
      );
      return;
    }
    try {
      this.checkPlausible(report);
      this.checkSecret(report, device);
    } catch (error) {
      return sink.failed(token, error as Error);
    }
    this.writer.enqueue(device, report, sink, token);
  }

  private async acceptNow(report: PositionReport): Promise<{ positionId: string }> {
    this.checkPlausible(report);
    const device = await this.devices.find(report.deviceId).catch(() => {
      throw new StorageUnavailableError();
    });
    if (!device) {
      this.unknownDevices.count(report.deviceId);
      throw new UnknownDeviceError(report.deviceId);
    }
    this.checkSecret(report, device);
    const positionId = await this.writer.write(device, report);
    if (device.entityType === 'pump') await this.pumpStatus.fromDevice(device, report.attributes);
    return { positionId };
  }

  private checkPlausible(report: PositionReport): void {
    // Refused here, alone: believed, a fix from a wrong clock would freeze its truck on every map.
    const reasons = implausibleFixReasons(report, new Date(), this.config.ingestMaxFixAheadSeconds);
    if (reasons.length > 0) throw new ImplausiblePositionError(reasons);
  }

  private checkSecret(report: PositionReport, device: RegisteredDevice): void {
    if (!device.secretHash) {
      if (this.config.trackerAuth === 'required') throw new DeviceSecretRequiredError(report.deviceId);
    } else if (!secretMatches(device.secretHash, report.secret)) throw new DeviceSecretError(report.deviceId);
  }

  async acceptBatch(items: ({ index: number } & Parsed<PositionReport>)[]): Promise<IngestBatchResultDto> {
    // The whole batch is resent later: refusing only some of it would leave the gateway guessing.
    const refusal = this.overloaded();
    if (refusal) throw refusal;
    const refused: IngestBatchResultDto['refused'] = [];
    const outcomes = await Promise.allSettled(
      items.map(async (item) => {
        if (!item.ok) {
          refused.push({ index: item.index, deviceId: null, status: 400, message: item.errors.join('; ') });
          return;
        }
        try {
          await this.acceptNow(item.value);
        } catch (error) {
          if (error instanceof StorageUnavailableError) throw error;
          const status = error instanceof DomainError ? error.status : 500;
          refused.push({
            index: item.index,
            deviceId: item.value.deviceId,
            status,
            message: String((error as Error).message),
          });
        }
      }),
    );
    // Only when the database could not take positions at all must the gateway resend: 503 for the whole batch.
    if (outcomes.some((outcome) => outcome.status === 'rejected')) throw new StorageUnavailableError();
    refused.sort((a, b) => a.index - b.index);
    return { accepted: items.length - refused.length, refused };
  }
}
