import { ClusterGrid } from './clusterGrid';

/** A truck where the map draws it: `wx`/`wy` in world pixels at the current zoom (the same under
 * panning), `x`/`y` in pixels from the map container's top-left. */
export interface PlacedTruck {
  id: string;
  wx: number;
  wy: number;
  x: number;
  y: number;
}

/** Trucks drawn as one counted badge: they would cover each other as dots. */
export interface TruckCluster {
  /** The id of its first truck in id order: the same while the same trucks stand there. */
  key: string;
  x: number;
  y: number;
  ids: string[];
}

export interface ClusteredTrucks {
  singles: PlacedTruck[];
  clusters: TruckCluster[];
}

/**
 * Trucks closer than `reachPx` to a cluster's first truck join it, taken in id order so the same
 * trucks make the same cluster frame after frame; members are listed in id order. Trucks in `apart`
 * (the selected one) are never clustered. The map layer runs the same grid on its own buffers; this
 * is the same rule for a plain list.
 */
export function clusterTrucks(
  trucks: readonly PlacedTruck[],
  reachPx: number,
  apart: ReadonlySet<string> = new Set(),
): ClusteredTrucks {
  const ordered = [...trucks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wx = Float64Array.from(ordered, (truck) => truck.wx);
  const wy = Float64Array.from(ordered, (truck) => truck.wy);
  const apartFlags = Uint8Array.from(ordered, (truck) => (apart.has(truck.id) ? 1 : 0));
  const grid = new ClusterGrid();
  grid.run(ordered.length, wx, wy, apartFlags, reachPx);
  const singles = Array.from(grid.singles.subarray(0, grid.singleCount), (index) => ordered[index]);
  const clusters: TruckCluster[] = [];
  for (let c = 0; c < grid.clusterCount; c += 1) {
    const members = Array.from(grid.members.subarray(grid.starts[c], grid.starts[c + 1]), (index) => ordered[index]);
    const x = members.reduce((sum, truck) => sum + truck.x, 0) / members.length;
    const y = members.reduce((sum, truck) => sum + truck.y, 0) / members.length;
    clusters.push({ key: members[0].id, x, y, ids: members.map((truck) => truck.id) });
  }
  return { singles, clusters };
}

/**
 * A badge is drawn bigger than a dot at its trucks' centre: a truck left single just beyond the
 * clustering reach may still sit under it. Such a truck joins the badge (the badge stays where it
 * is); `clearPx` is how far from a badge's centre a dot must be to be seen beside it. Trucks in
 * `apart` stay single.
 */
export function joinCoveredTrucks(
  { singles, clusters }: ClusteredTrucks,
  clearPx: (cluster: TruckCluster) => number,
  apart: ReadonlySet<string> = new Set(),
): ClusteredTrucks {
  if (clusters.length === 0) return { singles, clusters };
  const joined = clusters.map((cluster) => ({ ...cluster, ids: [...cluster.ids] }));
  const left: PlacedTruck[] = [];
  for (const truck of singles) {
    const cover = apart.has(truck.id)
      ? undefined
      : joined.find((cluster) => Math.hypot(truck.x - cluster.x, truck.y - cluster.y) < clearPx(cluster));
    if (cover) cover.ids.push(truck.id);
    else left.push(truck);
  }
  return { singles: left, clusters: joined };
}

/** Label rows must be this far apart vertically to be read (12 px type with its halo). */
const LABEL_ROW_PX = 17;

/**
 * Where the trucks of an opened badge are drawn: on a ring around it, its right half labelled to
 * the right and its left half to the left, wide enough that two labels on one side are a row
 * apart.
 */
export function ringAround(
  cluster: TruckCluster,
  spacingPx: number,
): Array<{ id: string; x: number; y: number; labelSide: 'left' | 'right' }> {
  const count = cluster.ids.length;
  const step = (2 * Math.PI) / count;
  // On a ring of radius 1, clockwise from just after twelve o'clock, as people read a clock face.
  const unit = cluster.ids.map((id, index) => {
    const angle = -Math.PI / 2 + step / 2 + index * step;
    const x = Math.cos(angle);
    return { id, x, y: Math.sin(angle), labelSide: x < -1e-9 ? ('left' as const) : ('right' as const) };
  });
  let closestRow = Infinity;
  let closest = Infinity;
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      closest = Math.min(closest, Math.hypot(unit[a].x - unit[b].x, unit[a].y - unit[b].y));
      if (unit[a].labelSide === unit[b].labelSide) closestRow = Math.min(closestRow, Math.abs(unit[a].y - unit[b].y));
    }
  }
  const radius = Math.max(spacingPx * 1.5, LABEL_ROW_PX / closestRow, spacingPx / closest);
  return unit.map(({ id, x, y, labelSide }) => ({
    id,
    x: cluster.x + x * radius,
    y: cluster.y + y * radius,
    labelSide,
  }));
}

export interface LabelBox {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.right && a.right > b.x && a.y < b.bottom && a.bottom > b.y;
}
