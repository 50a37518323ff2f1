/**
 * A layout for thousands of nodes in well under a second, on plain typed arrays (no Cytoscape), so it runs in a
 * Web Worker. fcose spends most of its time in Cytoscape's collection machinery (about 1.2 s for 5,000 nodes even
 * at `quality: 'draft'`); this does the same kind of work directly:
 *
 * 1. connected components, each laid out on its own;
 * 2. Pivot MDS (Brandes & Pich 2006): breadth-first distances from up to 50 pivots, double-centred, projected on
 *    the two leading eigenvectors: O(pivots · (nodes + edges));
 * 3. a few rounds of force refinement (springs along edges, repulsion between nearby nodes found with a grid) to
 *    pull leaves apart that Pivot MDS puts on one spot;
 * 4. components packed in rows, largest first.
 */

export interface FastLayoutOptions {
  /** Wanted distance between connected nodes, model units. */
  edgeLength: number;
  /** How many refinement rounds. */
  iterations: number;
  /** Most pivots per component. */
  pivots: number;
  /** Seed of the jitter, so a layout is reproducible. */
  seed: number;
}

export const FAST_LAYOUT_DEFAULTS: Readonly<FastLayoutOptions> = Object.freeze({
  edgeLength: 90,
  iterations: 60,
  pivots: 40,
  seed: 7,
});

export interface LayoutGraph {
  nodeCount: number;
  /** Pairs of node indices: [source0, target0, source1, target1, …]. */
  edges: Uint32Array;
}

/** Ids and id pairs → indices, dropping self-loops and edges to unknown nodes. */
export function toLayoutGraph(
  ids: readonly string[],
  edges: readonly (readonly [string, string])[],
): LayoutGraph {
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: number[] = [];
  for (const [s, t] of edges) {
    const a = index.get(s);
    const b = index.get(t);
    if (a === undefined || b === undefined || a === b) continue;
    pairs.push(a, b);
  }
  return { nodeCount: ids.length, edges: Uint32Array.from(pairs) };
}

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Csr {
  offsets: Uint32Array;
  neighbours: Uint32Array;
}

function buildCsr(n: number, edges: Uint32Array): Csr {
  const degree = new Uint32Array(n + 1);
  for (let e = 0; e < edges.length; e += 2) {
    degree[edges[e] as number] = (degree[edges[e] as number] as number) + 1;
    degree[edges[e + 1] as number] = (degree[edges[e + 1] as number] as number) + 1;
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
  const fill = offsets.slice(0, n);
  const neighbours = new Uint32Array(edges.length);
  for (let e = 0; e < edges.length; e += 2) {
    const a = edges[e] as number;
    const b = edges[e + 1] as number;
    neighbours[fill[a] as number] = b;
    fill[a] = (fill[a] as number) + 1;
    neighbours[fill[b] as number] = a;
    fill[b] = (fill[b] as number) + 1;
  }
  return { offsets, neighbours };
}

function components(n: number, csr: Csr): number[][] {
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  const queue = new Uint32Array(n);
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    const members: number[] = [];
    while (head < tail) {
      const v = queue[head++] as number;
      members.push(v);
      for (let k = csr.offsets[v] as number; k < (csr.offsets[v + 1] as number); k++) {
        const w = csr.neighbours[k] as number;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    out.push(members);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** Breadth-first hop distances from `source` into `dist` (indexed by global node index; -1 = unreached). */
function bfs(source: number, csr: Csr, dist: Int32Array, queue: Uint32Array) {
  let head = 0;
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++] as number;
    const next = (dist[v] as number) + 1;
    for (let k = csr.offsets[v] as number; k < (csr.offsets[v + 1] as number); k++) {
      const w = csr.neighbours[k] as number;
      if ((dist[w] as number) < 0) {
        dist[w] = next;
        queue[tail++] = w;
      }
    }
  }
}

/** Pivot MDS of one connected component; writes hop-unit coordinates into xs/ys at the members' local index. */
function pivotMds(
  members: number[],
  csr: Csr,
  pivotCount: number,
  n: number,
  xs: Float64Array,
  ys: Float64Array,
) {
  const size = members.length;
  const k = Math.min(pivotCount, size);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const minDist = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const C = new Float64Array(size * k);
  // Start from the node of highest degree, then always the node farthest from the pivots so far.
  let pivot = members[0] as number;
  for (const v of members) {
    if (
      (csr.offsets[v + 1] as number) - (csr.offsets[v] as number) >
      (csr.offsets[pivot + 1] as number) - (csr.offsets[pivot] as number)
    )
      pivot = v;
  }
  for (let j = 0; j < k; j++) {
    for (const v of members) dist[v] = -1;
    bfs(pivot, csr, dist, queue);
    let far = 0;
    let farIndex = 0;
    for (let i = 0; i < size; i++) {
      const d = dist[members[i] as number] as number;
      C[i * k + j] = d * d;
      if (d < (minDist[i] as number)) minDist[i] = d;
      if ((minDist[i] as number) > far) {
        far = minDist[i] as number;
        farIndex = i;
      }
    }
    pivot = members[farIndex] as number;
  }
  // Double centring.
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < size; i++) {
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += C[i * k + j] as number;
    const rowMean = rowSum / k;
    for (let j = 0; j < k; j++) {
      const value = C[i * k + j] as number;
      colMean[j] = (colMean[j] as number) + value / size;
      C[i * k + j] = value - rowMean;
      grand += value;
    }
  }
  grand /= size * k;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < k; j++)
      C[i * k + j] = -0.5 * ((C[i * k + j] as number) - (colMean[j] as number) + grand);
  }
  // B = CᵀC (k × k); its two leading eigenvectors by power iteration with deflation.
  const B = new Float64Array(k * k);
  for (let i = 0; i < size; i++) {
    for (let a = 0; a < k; a++) {
      const ca = C[i * k + a] as number;
      if (ca === 0) continue;
      for (let b = a; b < k; b++) B[a * k + b] = (B[a * k + b] as number) + ca * (C[i * k + b] as number);
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) B[a * k + b] = B[b * k + a] as number;
  const vectors: Float64Array[] = [];
  for (let dim = 0; dim < 2; dim++) {
    let v = new Float64Array(k).map(
      (_, i) => ((i * 7919 + dim * 104729) % 97) / 97 - 0.5 + (i === dim ? 1 : 0),
    );
    for (let iter = 0; iter < 100; iter++) {
      const next = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let b = 0; b < k; b++) s += (B[a * k + b] as number) * (v[b] as number);
        next[a] = s;
      }
      for (const u of vectors) {
        let dot = 0;
        for (let a = 0; a < k; a++) dot += (next[a] as number) * (u[a] as number);
        for (let a = 0; a < k; a++) next[a] = (next[a] as number) - dot * (u[a] as number);
      }
      let norm = 0;
      for (let a = 0; a < k; a++) norm += (next[a] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm < 1e-12) break;
      let change = 0;
      for (let a = 0; a < k; a++) {
        const value = (next[a] as number) / norm;
        change += Math.abs(value - (v[a] as number));
        next[a] = value;
      }
      v = next;
      if (change < 1e-7) break;
    }
    vectors.push(v);
  }
  const [v1, v2] = vectors as [Float64Array, Float64Array];
  for (let i = 0; i < size; i++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < k; j++) {
      x += (C[i * k + j] as number) * (v1[j] as number);
      y += (C[i * k + j] as number) * (v2[j] as number);
    }
    xs[i] = x;
    ys[i] = y;
  }
  // Scale so that the mean edge is one unit long.
  let total = 0;
  let count = 0;
  const local = new Int32Array(n).fill(-1);
  for (let i = 0; i < size; i++) local[members[i] as number] = i;
  for (let i = 0; i < size; i++) {
    const v = members[i] as number;
    for (let q = csr.offsets[v] as number; q < (csr.offsets[v + 1] as number); q++) {
      const w = local[csr.neighbours[q] as number] as number;
      if (w <= i) continue;
      total += Math.hypot((xs[i] as number) - (xs[w] as number), (ys[i] as number) - (ys[w] as number));
      count++;
    }
  }
  const mean = count ? total / count : 1;
  // Then spread it out until there is about one square unit per node (a small-world graph's hop distances
  // alone would crowd thousands of nodes onto a few units, and every node would repel hundreds).
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < size; i++) {
    cx += xs[i] as number;
    cy += ys[i] as number;
  }
  cx /= size;
  cy /= size;
  let squares = 0;
  for (let i = 0; i < size; i++) squares += ((xs[i] as number) - cx) ** 2 + ((ys[i] as number) - cy) ** 2;
  const rms = Math.sqrt(squares / size) / (mean > 1e-9 ? mean : 1);
  const wantedRms = Math.sqrt(size / (2 * Math.PI));
  const spread = rms > 1e-9 ? Math.max(1, wantedRms / rms) : 1;
  const scale = (mean > 1e-9 ? 1 / mean : 1) * spread;
  for (let i = 0; i < size; i++) {
    xs[i] = (xs[i] as number) * scale;
    ys[i] = (ys[i] as number) * scale;
  }
  return local;
}

/** Springs and grid-bounded repulsion; coordinates in units of `length`. */
function refine(
  members: number[],
  local: Int32Array,
  csr: Csr,
  xs: Float64Array,
  ys: Float64Array,
  iterations: number,
  random: () => number,
) {
  const size = members.length;
  const dx = new Float64Array(size);
  const dy = new Float64Array(size);
  const radius = 0.9;
  for (let i = 0; i < size; i++) {
    xs[i] = (xs[i] as number) + (random() - 0.5) * 0.3;
    ys[i] = (ys[i] as number) + (random() - 0.5) * 0.3;
  }
  const cellOf = new Int32Array(size);
  const order = new Int32Array(size);
  let cellStart = new Int32Array(0);
  for (let iter = 0; iter < iterations; iter++) {
    const temperature = 0.5 * (1 - iter / iterations) + 0.05;
    dx.fill(0);
    dy.fill(0);
    // A uniform grid of cells `radius` wide, filled by counting sort: neighbours are in the 3 × 3 cells around.
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < size; i++) {
      minX = Math.min(minX, xs[i] as number);
      maxX = Math.max(maxX, xs[i] as number);
      minY = Math.min(minY, ys[i] as number);
      maxY = Math.max(maxY, ys[i] as number);
    }
    const cols = Math.min(4096, Math.floor((maxX - minX) / radius) + 1);
    const rows = Math.min(4096, Math.floor((maxY - minY) / radius) + 1);
    const cellSize = Math.max((maxX - minX) / cols, (maxY - minY) / rows, radius);
    if (cellStart.length < cols * rows + 1) cellStart = new Int32Array(cols * rows + 1);
    else cellStart.fill(0);
    for (let i = 0; i < size; i++) {
      const c = Math.min(cols - 1, Math.floor(((xs[i] as number) - minX) / cellSize));
      const r = Math.min(rows - 1, Math.floor(((ys[i] as number) - minY) / cellSize));
      const cell = r * cols + c;
      cellOf[i] = cell;
      cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
    }
    for (let c = 0; c < cols * rows; c++)
      cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
    const fill = cellStart.slice(0, cols * rows);
    for (let i = 0; i < size; i++) {
      const cell = cellOf[i] as number;
      order[fill[cell] as number] = i;
      fill[cell] = (fill[cell] as number) + 1;
    }
    for (let i = 0; i < size; i++) {
      const cell = cellOf[i] as number;
      const c0 = cell % cols;
      const r0 = (cell - c0) / cols;
      const xi = xs[i] as number;
      const yi = ys[i] as number;
      for (let r = Math.max(0, r0 - 1); r <= Math.min(rows - 1, r0 + 1); r++) {
        const from = cellStart[r * cols + Math.max(0, c0 - 1)] as number;
        const to = cellStart[r * cols + Math.min(cols - 1, c0 + 1) + 1] as number;
        for (let q = from; q < to; q++) {
          const j = order[q] as number;
          if (j <= i) continue;
          let ddx = xi - (xs[j] as number);
          let ddy = yi - (ys[j] as number);
          let d2 = ddx * ddx + ddy * ddy;
          if (d2 >= radius * radius) continue;
          if (d2 < 1e-12) {
            ddx = random() - 0.5;
            ddy = random() - 0.5;
            d2 = ddx * ddx + ddy * ddy;
          }
          const d = Math.sqrt(d2);
          const push = ((radius - d) / d) * 0.5;
          dx[i] = (dx[i] as number) + ddx * push;
          dy[i] = (dy[i] as number) + ddy * push;
          dx[j] = (dx[j] as number) - ddx * push;
          dy[j] = (dy[j] as number) - ddy * push;
        }
      }
    }
    for (let i = 0; i < size; i++) {
      const v = members[i] as number;
      for (let q = csr.offsets[v] as number; q < (csr.offsets[v + 1] as number); q++) {
        const j = local[csr.neighbours[q] as number] as number;
        if (j <= i) continue;
        const ddx = (xs[j] as number) - (xs[i] as number);
        const ddy = (ys[j] as number) - (ys[i] as number);
        const d = Math.hypot(ddx, ddy);
        if (d < 1e-9) continue;
        const pull = ((d - 1) / d) * 0.15;
        dx[i] = (dx[i] as number) + ddx * pull;
        dy[i] = (dy[i] as number) + ddy * pull;
        dx[j] = (dx[j] as number) - ddx * pull;
        dy[j] = (dy[j] as number) - ddy * pull;
      }
    }
    for (let i = 0; i < size; i++) {
      const m = Math.hypot(dx[i] as number, dy[i] as number);
      const f = m > temperature ? temperature / m : 1;
      xs[i] = (xs[i] as number) + (dx[i] as number) * f;
      ys[i] = (ys[i] as number) + (dy[i] as number) * f;
    }
  }
}

/** Positions [x0, y0, x1, y1, …] in model units, centred near the origin. */
export function fastLayout(graph: LayoutGraph, options: Partial<FastLayoutOptions> = {}): Float64Array {
  const opts = { ...FAST_LAYOUT_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const out = new Float64Array(n * 2);
  if (n === 0) return out;
  const csr = buildCsr(n, graph.edges);
  const random = mulberry32(opts.seed);
  const boxes: { members: number[]; xs: Float64Array; ys: Float64Array; w: number; h: number }[] = [];
  for (const members of components(n, csr)) {
    const xs = new Float64Array(members.length);
    const ys = new Float64Array(members.length);
    if (members.length > 2) {
      const local = pivotMds(members, csr, opts.pivots, n, xs, ys);
      refine(members, local, csr, xs, ys, opts.iterations, random);
    } else if (members.length === 2) {
      xs[1] = 1;
    }
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < members.length; i++) {
      minX = Math.min(minX, xs[i] as number);
      maxX = Math.max(maxX, xs[i] as number);
      minY = Math.min(minY, ys[i] as number);
      maxY = Math.max(maxY, ys[i] as number);
    }
    for (let i = 0; i < members.length; i++) {
      xs[i] = (xs[i] as number) - minX;
      ys[i] = (ys[i] as number) - minY;
    }
    boxes.push({ members, xs, ys, w: maxX - minX, h: maxY - minY });
  }
  // Shelf packing in rows about as wide as the whole area is tall.
  const area = boxes.reduce((sum, box) => sum + (box.w + 1) * (box.h + 1), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.2, (boxes[0]?.w ?? 0) + 1);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.w > rowWidth) {
      x = 0;
      y += rowHeight + 1;
      rowHeight = 0;
    }
    for (let i = 0; i < box.members.length; i++) {
      const v = box.members[i] as number;
      out[v * 2] = ((box.xs[i] as number) + x) * opts.edgeLength;
      out[v * 2 + 1] = ((box.ys[i] as number) + y) * opts.edgeLength;
    }
    x += box.w + 1;
    rowHeight = Math.max(rowHeight, box.h);
  }
  return out;
}
