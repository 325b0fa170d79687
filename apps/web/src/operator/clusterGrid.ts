/** Grows a typed array to at least `wanted` elements, keeping nothing: buffers reused frame after frame. */
function atLeast<T extends Int32Array | Uint8Array>(array: T, wanted: number, create: (length: number) => T): T {
  return array.length >= wanted ? array : create(Math.max(wanted, array.length * 2));
}

function atLeastFloat(array: Float64Array, wanted: number): Float64Array {
  return array.length >= wanted ? array : new Float64Array(Math.max(wanted, array.length * 2));
}

/**
 * Greedy clustering of points given in a fixed order (the layer gives them in truck-id order): each
 * point not yet taken seeds a cluster, and every later point not yet taken within `reach` of the seed
 * joins it. A grid of cells at least `reach` wide keeps it linear — only the 3 × 3 cells around a
 * seed can hold its neighbours — and the result does not depend on the grid: members are listed in
 * point order, the seed first.
 *
 * All buffers are typed arrays kept between runs; a run allocates nothing once they are big enough.
 * Results refer to points by their index in the input.
 */
export class ClusterGrid {
  /** Indexes of the points drawn on their own, in point order. */
  singles = new Int32Array(64);
  singleCount = 0;
  /** Members of every cluster, one cluster after another; cluster `c` is members[starts[c]…starts[c + 1]). */
  members = new Int32Array(64);
  starts = new Int32Array(65);
  clusterCount = 0;
  /** Each cluster's centre, the mean of the members `run` gave it (kept when `joinCovered` adds more). */
  centreX: Float64Array = new Float64Array(64);
  centreY: Float64Array = new Float64Array(64);

  private taken = new Uint8Array(64);
  private cellOf = new Int32Array(64);
  private items = new Int32Array(64);
  private heads = new Int32Array(64);
  private joinedTo = new Int32Array(64);
  private extra = new Int32Array(64);
  private spare = new Int32Array(64);
  private clear: Float64Array = new Float64Array(64);
  private nextInCell = new Int32Array(64);
  private readonly cellHeads = new Map<number, number>();

  /**
   * `apart[i] = 1` keeps point i out of every cluster (the selected truck). Only the first `count`
   * entries of each array are read.
   */
  run(count: number, wx: Float64Array, wy: Float64Array, apart: Uint8Array, reach: number): void {
    this.singles = atLeast(this.singles, count, (length) => new Int32Array(length));
    this.members = atLeast(this.members, count, (length) => new Int32Array(length));
    this.starts = atLeast(this.starts, count + 1, (length) => new Int32Array(length));
    this.taken = atLeast(this.taken, count, (length) => new Uint8Array(length));
    this.cellOf = atLeast(this.cellOf, count, (length) => new Int32Array(length));
    this.items = atLeast(this.items, count, (length) => new Int32Array(length));
    this.singleCount = 0;
    this.clusterCount = 0;
    this.starts[0] = 0;

    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < count; i += 1) {
      if (apart[i]) continue;
      if (wx[i] < minX) minX = wx[i];
      if (wx[i] > maxX) maxX = wx[i];
      if (wy[i] < minY) minY = wy[i];
      if (wy[i] > maxY) maxY = wy[i];
    }
    // Cells of `reach`, doubled until there are not many more cells than points: a few trucks spread
    // over a wide view need no big grid, and a wider cell still finds every neighbour in 3 × 3.
    let cell = reach;
    let columns = 1;
    let rows = 1;
    if (minX <= maxX) {
      for (;;) {
        columns = Math.floor(maxX / cell) - Math.floor(minX / cell) + 1;
        rows = Math.floor(maxY / cell) - Math.floor(minY / cell) + 1;
        if (columns * rows <= 4 * count + 64) break;
        cell *= 2;
      }
    }
    const column0 = Math.floor(minX / cell);
    const row0 = Math.floor(minY / cell);
    const cells = columns * rows;
    this.heads = atLeast(this.heads, cells + 1, (length) => new Int32Array(length));
    const { heads, cellOf, items, taken, members, singles, starts } = this;

    // Counting sort of the points into their cells, point order kept inside each cell.
    heads.fill(0, 0, cells + 1);
    for (let i = 0; i < count; i += 1) {
      taken[i] = 0;
      if (apart[i]) continue;
      const index = (Math.floor(wy[i] / cell) - row0) * columns + (Math.floor(wx[i] / cell) - column0);
      cellOf[i] = index;
      heads[index + 1] += 1;
    }
    for (let c = 0; c < cells; c += 1) heads[c + 1] += heads[c];
    // `heads[c]` moves to the end of cell c while filling; cell c then starts where cell c - 1 ends.
    for (let i = 0; i < count; i += 1) {
      if (apart[i]) continue;
      items[heads[cellOf[i]]] = i;
      heads[cellOf[i]] += 1;
    }

    const reach2 = reach * reach;
    let memberCount = 0;
    for (let seed = 0; seed < count; seed += 1) {
      if (taken[seed]) continue;
      taken[seed] = 1;
      if (apart[seed]) {
        singles[this.singleCount++] = seed;
        continue;
      }
      const first = memberCount;
      members[memberCount++] = seed;
      const home = cellOf[seed];
      const column = home % columns;
      const row = (home - column) / columns;
      for (let dy = -1; dy <= 1; dy += 1) {
        const r = row + dy;
        if (r < 0 || r >= rows) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const c = column + dx;
          if (c < 0 || c >= columns) continue;
          const index = r * columns + c;
          const end = heads[index];
          for (let k = index === 0 ? 0 : heads[index - 1]; k < end; k += 1) {
            const other = items[k];
            if (taken[other]) continue;
            const ox = wx[other] - wx[seed];
            const oy = wy[other] - wy[seed];
            if (ox * ox + oy * oy > reach2) continue;
            taken[other] = 1;
            members[memberCount++] = other;
          }
        }
      }
      if (memberCount - first === 1) {
        memberCount = first;
        singles[this.singleCount++] = seed;
        continue;
      }
      // Every point before the seed is taken already, so the seed is the smallest: sort the rest.
      if (memberCount - first > 2) members.subarray(first + 1, memberCount).sort();
      this.clusterCount += 1;
      starts[this.clusterCount] = memberCount;
    }
    this.centreX = atLeastFloat(this.centreX, this.clusterCount);
    this.centreY = atLeastFloat(this.centreY, this.clusterCount);
    for (let c = 0; c < this.clusterCount; c += 1) {
      let sumX = 0;
      let sumY = 0;
      for (let k = starts[c]; k < starts[c + 1]; k += 1) {
        sumX += wx[members[k]];
        sumY += wy[members[k]];
      }
      const size = starts[c + 1] - starts[c];
      this.centreX[c] = sumX / size;
      this.centreY[c] = sumY / size;
    }
  }

  /**
   * A badge is drawn bigger than a dot at its cluster's centre, so a point left single just beyond
   * `reach` may sit under it: such a point joins the first cluster (in cluster order) whose centre is
   * nearer than `clearPx(size)`, appended after its members; centres stay where they are. Points
   * with `apart[i] = 1` stay single. Call after `run` with the same arrays.
   */
  joinCovered(wx: Float64Array, wy: Float64Array, apart: Uint8Array, clearPx: (size: number) => number): void {
    const clusters = this.clusterCount;
    if (clusters === 0 || this.singleCount === 0) return;
    this.joinedTo = atLeast(this.joinedTo, this.singleCount, (length) => new Int32Array(length));
    this.extra = atLeast(this.extra, clusters + 1, (length) => new Int32Array(length));
    this.clear = atLeastFloat(this.clear, clusters);
    this.nextInCell = atLeast(this.nextInCell, clusters, (length) => new Int32Array(length));
    const { singles, starts, centreX, centreY, joinedTo, extra, clear, nextInCell } = this;
    extra.fill(0, 0, clusters + 1);
    // Clusters by cells as wide as the widest clearance: a point can only be under a badge in its
    // own cell or the eight around it, so each point looks at a few clusters, not all of them.
    let cell = 0;
    for (let c = 0; c < clusters; c += 1) {
      clear[c] = clearPx(starts[c + 1] - starts[c]);
      if (clear[c] > cell) cell = clear[c];
    }
    if (!(cell > 0)) return;
    const heads = this.cellHeads;
    heads.clear();
    // Listed in falling cluster order, so each cell's list runs from its first cluster up.
    for (let c = clusters - 1; c >= 0; c -= 1) {
      const key = cellKey(Math.floor(centreX[c] / cell), Math.floor(centreY[c] / cell));
      nextInCell[c] = heads.get(key) ?? -1;
      heads.set(key, c);
    }
    let joined = 0;
    for (let s = 0; s < this.singleCount; s += 1) {
      const point = singles[s];
      joinedTo[s] = -1;
      if (apart[point]) continue;
      const column = Math.floor(wx[point] / cell);
      const row = Math.floor(wy[point] / cell);
      let first = clusters;
      for (let dx = -1; dx <= 1; dx += 1) {
        for (let dy = -1; dy <= 1; dy += 1) {
          for (let c = heads.get(cellKey(column + dx, row + dy)) ?? -1; c >= 0 && c < first; c = nextInCell[c]) {
            const x = wx[point] - centreX[c];
            const y = wy[point] - centreY[c];
            if (x * x + y * y < clear[c] * clear[c]) first = c;
          }
        }
      }
      if (first === clusters) continue;
      joinedTo[s] = first;
      extra[first] += 1;
      joined += 1;
    }
    if (joined === 0) return;
    // Rebuild members with each cluster's joined points after its own, and keep the rest single.
    const total = starts[clusters] + joined;
    this.spare = atLeast(this.spare, total, (length) => new Int32Array(length));
    const rebuilt = this.spare;
    // Where each cluster's joined points go, counted out before the members are moved.
    let at = 0;
    for (let c = 0; c < clusters; c += 1) {
      const start = starts[c];
      const end = starts[c + 1];
      starts[c] = at;
      for (let k = start; k < end; k += 1) rebuilt[at++] = this.members[k];
      const own = at;
      at += extra[c];
      extra[c] = own;
    }
    starts[clusters] = at;
    for (let s = 0; s < this.singleCount; s += 1) if (joinedTo[s] >= 0) rebuilt[extra[joinedTo[s]]++] = singles[s];
    this.spare = this.members.length >= total ? this.members : new Int32Array(total);
    this.members = rebuilt;
    let kept = 0;
    for (let s = 0; s < this.singleCount; s += 1) if (joinedTo[s] < 0) singles[kept++] = singles[s];
    this.singleCount = kept;
  }
}

/** One number per grid cell, for cells within ±2,000,000 of the origin: wider than any world at any zoom. */
function cellKey(column: number, row: number): number {
  return (column + 2_000_000) * 4_000_001 + (row + 2_000_000);
}
