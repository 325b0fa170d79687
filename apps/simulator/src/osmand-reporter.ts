import { KNOTS_PER_KMH } from './geo';

export interface Fix {
  lat: number;
  lng: number;
  speedKmh: number;
  bearingDeg: number;
}

/** 200 stored; 404 unknown device; 503 the server asks to send it again later; 0 unreachable. */
export interface ReportResult {
  status: number;
  latencyMs: number;
}

/**
 * Speaks the OsmAnd protocol as Traccar Client does: one POST per fix with the
 * fields in the query string, `timestamp` in Unix seconds (with milliseconds,
 * so two fixes of one device never share a time and none is ignored as old).
 */
export class OsmAndReporter {
  private readonly lastSecondsByDevice = new Map<string, number>();

  constructor(
    private readonly baseUrl: string,
    private readonly signal?: AbortSignal,
    private readonly timeoutMs = 10_000,
  ) {}

  /** `fields`: other keys the device sends, kept by the API as attributes (a pump's `pumpStatus`). */
  url(deviceId: string, fix: Fix, at: Date = new Date(), fields: Record<string, string> = {}): string {
    const previous = this.lastSecondsByDevice.get(deviceId) ?? 0;
    const seconds = Math.max(at.getTime() / 1000, previous + 0.001);
    this.lastSecondsByDevice.set(deviceId, seconds);
    const query = new URLSearchParams({
      id: deviceId,
      lat: fix.lat.toFixed(6),
      lon: fix.lng.toFixed(6),
      timestamp: seconds.toFixed(3),
      speed: (fix.speedKmh * KNOTS_PER_KMH).toFixed(1),
      bearing: fix.bearingDeg.toFixed(0),
      ...fields,
    });
    return `${this.baseUrl}/api/ingest/osmand?${query.toString()}`;
  }

  async report(deviceId: string, fix: Fix, at?: Date, fields?: Record<string, string>): Promise<ReportResult> {
    const started = performance.now();
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.signal ? [this.signal] : [])];
    try {
      const response = await fetch(this.url(deviceId, fix, at, fields), {
        method: 'POST',
        signal: AbortSignal.any(signals),
      });
      // Drain the body so the connection goes back to the pool.
      await response.arrayBuffer();
      return { status: response.status, latencyMs: performance.now() - started };
    } catch {
      return { status: 0, latencyMs: performance.now() - started };
    }
  }
}
