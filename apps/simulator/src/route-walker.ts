import type { LatLng } from '@pourline/contracts';
import { bearingDeg, distanceM } from './geo';

export interface RoutePoint extends LatLng {
  bearingDeg: number;
}

/** A path measured once, so a truck can ask "where am I after d metres, and which way am I facing?". */
export class RouteWalker {
  readonly lengthM: number;
  private readonly points: LatLng[];
  /** cumulativeM[i] is the distance along the path to points[i]. */
  private readonly cumulativeM: number[];

  constructor(points: readonly LatLng[]) {
    // Repeated positions would make zero-length legs without a bearing.
    this.points = points.filter((point, i) => i === 0 || distanceM(points[i - 1], point) > 0.01);
    if (this.points.length === 0) throw new RangeError('a route needs at least one position');
    this.cumulativeM = [0];
    for (let i = 1; i < this.points.length; i++) {
      this.cumulativeM.push(this.cumulativeM[i - 1] + distanceM(this.points[i - 1], this.points[i]));
    }
    this.lengthM = this.cumulativeM[this.cumulativeM.length - 1];
  }

  get start(): LatLng {
    return this.points[0];
  }

  get end(): LatLng {
    return this.points[this.points.length - 1];
  }

  /** The point `alongM` metres from the start, clamped to the path. */
  at(alongM: number): RoutePoint {
    if (this.points.length === 1) return { ...this.points[0], bearingDeg: 0 };
    const d = Math.min(Math.max(alongM, 0), this.lengthM);
    let i = 1;
    while (i < this.cumulativeM.length - 1 && this.cumulativeM[i] < d) i++;
    const from = this.points[i - 1];
    const to = this.points[i];
    const legM = this.cumulativeM[i] - this.cumulativeM[i - 1];
    const t = legM === 0 ? 1 : (d - this.cumulativeM[i - 1]) / legM;
    return {
      lat: from.lat + (to.lat - from.lat) * t,
      lng: from.lng + (to.lng - from.lng) * t,
      bearingDeg: Math.round(bearingDeg(from, to) * 10) / 10,
    };
  }
}
