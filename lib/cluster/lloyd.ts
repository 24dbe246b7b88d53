/**
 * A tight k-means (Lloyd's algorithm with greedy k-means++ seeding) on a flat Float64Array, for the
 * stability analysis, which runs k-means ~10⁴ times and cannot afford ml-kmeans' per-step
 * allocations (number[][] copies, a Matrix per initialisation).
 *
 * It follows the same recipe as ml-kmeans@6 and scikit-learn:
 * - seeding: greedy k-means++ (Arthur & Vassilvitskii 2007; 2 + ⌊ln k⌋ local trials per centre, as in
 *   scikit-learn): the first centre is a uniform draw, each next centre is the best of the local
 *   trials drawn with probability ∝ D(x)², where D(x) is the distance to the nearest centre so far;
 * - Lloyd iterations: assign to the nearest centre (ties to the lower index), move centres to means;
 *   stop when no assignment changes, or after `maxIterations`.
 * Where it differs from ml-kmeans (on purpose): an empty cluster is re-seeded with the point
 * farthest from its centre (scikit-learn's relocation) instead of keeping a stale centre; and the
 * stopping rule is "no label changed" instead of a centre-shift tolerance.
 * Optionally (`refine`), each start's Lloyd result is polished by Hartigan's single-point moves (hartiganRefine):
 * Lloyd stops as soon as every point is nearest its own centre, but moving one point can still lower W when
 * the receiving cluster is small; Hartigan's rule catches exactly those moves. Every Hartigan-stable partition is
 * Lloyd-stable, not the reverse, so the polish removes local minima: on the 2017 flows at k = 7, over the 1,533
 * k-means configurations of lib/typology/exhaustive.ts, the smallest share of starts reaching a configuration's lowest W
 * rises from 0.015 % to 2 %, for about 1.3 × the time per start (scripts/measure-starts.ts).
 * The random stream is lib/core/random.ts's mulberry32, so results are reproducible from the seed but
 * are not the same partitions ml-kmeans would find from the same seed (a different generator).
 */
import { childSeed, Rng, rng } from "../core/random";

export interface LloydResult {
  /** cluster of each row, 0..k−1 (raw order, not canonical) */
  labels: Int32Array;
  /** k × p centres, flat row-major */
  centroids: Float64Array;
  /** Σ ‖xᵢ − c_{label(i)}‖² */
  inertia: number;
  iterations: number;
  converged: boolean;
  /** which restart won (0-based) */
  bestRestart: number;
}

/** Reusable buffers for repeated runs on data of the same shape. */
export class LloydWorkspace {
  readonly labels: Int32Array;
  readonly centroids: Float64Array;
  readonly closest: Float64Array;
  readonly trialDist: Float64Array;
  readonly bestDist: Float64Array;
  readonly counts: Int32Array;
  constructor(
    readonly n: number,
    readonly p: number,
    readonly k: number,
  ) {
    this.labels = new Int32Array(n);
    this.centroids = new Float64Array(k * p);
    this.closest = new Float64Array(n);
    this.trialDist = new Float64Array(n);
    this.bestDist = new Float64Array(n);
    this.counts = new Int32Array(k);
  }
}

function sqDistRowRow(X: Float64Array, i: number, Y: Float64Array, c: number, p: number): number {
  let s = 0;
  const a = i * p;
  const b = c * p;
  for (let j = 0; j < p; j++) {
    const d = X[a + j] - Y[b + j];
    s += d * d;
  }
  return s;
}

/** Index drawn with probability ∝ w[i] (Σw = total > 0); zero-weight indices are never drawn. */
function drawWeighted(random: Rng, w: Float64Array, n: number, total: number): number {
  const u = random() * total;
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += w[i];
    if (cum > u) return i;
  }
  // rounding: Σw computed in a different order can fall a hair below u; take the last positive weight
  for (let i = n - 1; i >= 0; i--) if (w[i] > 0) return i;
  return n - 1;
}

/** Greedy k-means++ seeding into ws.centroids. Needs at least k distinct rows. */
export function seedKmeansPlusPlus(X: Float64Array, ws: LloydWorkspace, random: Rng): void {
  const { n, p, k, centroids, closest, trialDist, bestDist } = ws;
  const localTrials = 2 + Math.floor(Math.log(k));
  const first = Math.floor(random() * n);
  for (let j = 0; j < p; j++) centroids[j] = X[first * p + j];
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDistRowRow(X, i, centroids, 0, p);
    potential += closest[i];
  }
  for (let c = 1; c < k; c++) {
    let bestCandidate = -1;
    let bestPotential = Infinity;
    for (let t = 0; t < localTrials; t++) {
      const cand = drawWeighted(random, closest, n, potential);
      let pot = 0;
      for (let i = 0; i < n; i++) {
        const d = sqDistRowRow(X, i, X, cand, p);
        const m = d < closest[i] ? d : closest[i];
        trialDist[i] = m;
        pot += m;
      }
      if (pot < bestPotential) {
        bestPotential = pot;
        bestCandidate = cand;
        bestDist.set(trialDist);
      }
    }
    for (let j = 0; j < p; j++) centroids[c * p + j] = X[bestCandidate * p + j];
    closest.set(bestDist);
    potential = bestPotential;
  }
}

/** One k-means run from the centres already in ws.centroids; returns inertia, iterations, converged. */
export function lloydIterations(X: Float64Array, ws: LloydWorkspace, maxIterations: number): [number, number, boolean] {
  const { n, p, k, labels, centroids, counts, closest } = ws;
  let iterations = 0;
  let converged = false;
  labels.fill(-1);
  for (;;) {
    // assignment step
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = sqDistRowRow(X, i, centroids, c, p);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      closest[i] = bestD;
      if (labels[i] !== best) {
        labels[i] = best;
        changed = true;
      }
    }
    if (!changed) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    // update step
    centroids.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      for (let j = 0; j < p; j++) centroids[c * p + j] += X[i * p + j];
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (let j = 0; j < p; j++) centroids[c * p + j] /= counts[c];
      } else {
        // empty cluster: move its centre onto the point currently worst served, which is then
        // taken out of the running so two empty clusters do not grab the same point
        let far = 0;
        for (let i = 1; i < n; i++) if (closest[i] > closest[far]) far = i;
        for (let j = 0; j < p; j++) centroids[c * p + j] = X[far * p + j];
        closest[far] = -1;
      }
    }
  }
  if (!converged) {
    // stopped by maxIterations right after an assignment: move the centres to the means of that
    // assignment so that the reported inertia is the within-cluster sum of squares of the labels
    centroids.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let j = 0; j < p; j++) centroids[labels[i] * p + j] += X[i * p + j];
    }
    for (let c = 0; c < k; c++) if (counts[c] > 0) for (let j = 0; j < p; j++) centroids[c * p + j] /= counts[c];
    for (let i = 0; i < n; i++) closest[i] = sqDistRowRow(X, i, centroids, labels[i], p);
  }
  let sse = 0;
  for (let i = 0; i < n; i++) sse += closest[i];
  return [sse, iterations, converged];
}

/** Centres = means of the current labels (every cluster non-empty); returns W = Σ ‖xᵢ − c_{label(i)}‖². */
function centresOfLabels(X: Float64Array, ws: LloydWorkspace): number {
  const { n, p, k, labels, centroids, counts } = ws;
  centroids.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < p; j++) centroids[labels[i] * p + j] += X[i * p + j];
  }
  for (let c = 0; c < k; c++) if (counts[c] > 0) for (let j = 0; j < p; j++) centroids[c * p + j] /= counts[c];
  let w = 0;
  for (let i = 0; i < n; i++) w += sqDistRowRow(X, i, centroids, labels[i], p);
  return w;
}

/**
 * Hartigan's single-point moves from the partition in ws.labels (Hartigan & Wong 1979; Telgarsky & Vattani 2010):
 * moving xᵢ from cluster a (nₐ > 1 members) to b changes W by
 *   Δ = n_b/(n_b + 1) ‖xᵢ − c_b‖² − nₐ/(nₐ − 1) ‖xᵢ − cₐ‖²,
 * so each point in turn goes to the b of the most negative Δ (centres updated at once), pass after pass, until a
 * whole pass moves nothing (or `maxPasses`). W only falls, and no cluster empties. Leaves labels, centres (the
 * means) and counts in ws; returns W recomputed from scratch.
 */
export function hartiganRefine(X: Float64Array, ws: LloydWorkspace, maxPasses = 1000): number {
  const { n, p, k, labels, centroids, counts } = ws;
  let w = centresOfLabels(X, ws);
  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      if (counts[a] <= 1) continue;
      const costA = (counts[a] / (counts[a] - 1)) * sqDistRowRow(X, i, centroids, a, p);
      // a move must gain more than rounding can fake, or two clusters could trade a point for ever
      let bestDelta = -1e-12 * Math.max(1, w);
      let best = -1;
      for (let b = 0; b < k; b++) {
        if (b === a) continue;
        const delta = (counts[b] / (counts[b] + 1)) * sqDistRowRow(X, i, centroids, b, p) - costA;
        if (delta < bestDelta) {
          bestDelta = delta;
          best = b;
        }
      }
      if (best < 0) continue;
      for (let j = 0; j < p; j++) {
        const x = X[i * p + j];
        centroids[a * p + j] = (centroids[a * p + j] * counts[a] - x) / (counts[a] - 1);
        centroids[best * p + j] = (centroids[best * p + j] * counts[best] + x) / (counts[best] + 1);
      }
      counts[a]--;
      counts[best]++;
      labels[i] = best;
      w += bestDelta;
      moved = true;
    }
    if (!moved) break;
  }
  // the incremental centres drift by rounding: the reported W and centres are recomputed from the labels
  return centresOfLabels(X, ws);
}

/** Number of distinct rows of a flat n × p matrix. */
export function distinctRows(X: Float64Array, n: number, p: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(Array.prototype.join.call(X.subarray(i * p, (i + 1) * p), ","));
  return seen.size;
}

/**
 * Best of `restarts` k-means runs (lowest inertia; the first such run on ties), restart r seeded
 * with childSeed(seed, r); with `refine`, each run is polished by hartiganRefine. The result's arrays are fresh copies.
 */
export function lloydBestOf(
  X: Float64Array,
  n: number,
  p: number,
  k: number,
  seed: number,
  restarts: number,
  maxIterations: number,
  ws: LloydWorkspace = new LloydWorkspace(n, p, k),
  refine = false,
): LloydResult {
  let best: LloydResult | null = null;
  for (let r = 0; r < restarts; r++) {
    seedKmeansPlusPlus(X, ws, rng(childSeed(seed, r)));
    const [lloydSse, iterations, converged] = lloydIterations(X, ws, maxIterations);
    const sse = refine ? hartiganRefine(X, ws) : lloydSse;
    if (best === null || sse < best.inertia) {
      if (best === null) {
        best = { labels: new Int32Array(n), centroids: new Float64Array(k * p), inertia: sse, iterations, converged, bestRestart: r };
      }
      best.labels.set(ws.labels);
      best.centroids.set(ws.centroids);
      best.inertia = sse;
      best.iterations = iterations;
      best.converged = converged;
      best.bestRestart = r;
    }
  }
  return best!;
}
