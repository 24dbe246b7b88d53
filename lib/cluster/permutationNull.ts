/**
 * Is the best agreement of a search with a reference typology more than chance? The permutation null.
 *
 * Picking the best of thousands of clusterings against one reference inflates the agreement: with enough
 * candidates some partition matches any labelling fairly well. The null asks how well the *same* candidates match
 * typologies that carry no information — random relabellings of the reference that keep its class sizes (Table 1's
 * 3, 6, 6, 5, 3, 4, 4 provinces dealt out at random):
 *
 *   T_b = max over the candidate partitions P of ARI(π_b(reference), P),   b = 1 … B,
 *
 * where π_b shuffles the reference's labels over the objects (Fisher–Yates from rng(childSeed(seed, b)), each
 * relabelling starting from the reference's own order, so relabelling b is the same whatever B). The candidates are
 * clustered once; only the reference changes, so the null costs ARI evaluations only. The observed statistic
 * T = max_P ARI(reference, P) is compared with the T_b:
 *
 *   p = (1 + #{b : T_b ≥ T}) / (1 + B)
 *
 * (the +1 counts the observed labelling as one of the relabellings, so p is never 0 and is a valid p-value for any B;
 * Phipson & Smyth 2010). With a single candidate this is the plain permutation test of one clustering's ARI.
 *
 * Speed: the class sizes of the reference and of every candidate do not change under relabelling, so in
 *   ARI = (Σᵢⱼ C(nᵢⱼ, 2) − E) / (½[Σᵢ C(aᵢ, 2) + Σⱼ C(bⱼ, 2)] − E),  E = Σᵢ C(aᵢ, 2) Σⱼ C(bⱼ, 2) / C(N, 2)
 * (lib/cluster/agreement.ts) only Σᵢⱼ C(nᵢⱼ, 2) is recomputed, in one pass over the objects: adding an object to a
 * contingency cell already holding c objects adds c pairs.
 *
 * Quantiles are the linear interpolation of the order statistics (Hyndman & Fan's type 7: R's and NumPy's default).
 */
import type { Label } from "./agreement";
import { childSeed, rng } from "../core/random";

/** The quantiles reported by nullSummary. */
export const NULL_QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

/** Reference labels as codes 0..R−1 (in order of first appearance) and R. */
export function labelCodes(labels: readonly Label[]): { codes: Int32Array; classes: number } {
  const index = new Map<Label, number>();
  const codes = new Int32Array(labels.length);
  labels.forEach((l, i) => {
    if (!index.has(l)) index.set(l, index.size);
    codes[i] = index.get(l)!;
  });
  return { codes, classes: index.size };
}

function pairs(m: number): number {
  return (m * (m - 1)) / 2;
}

/**
 * ARIs of fixed candidate partitions against relabellings of one reference (class sizes fixed): the constant parts
 * of each ARI precomputed, Σᵢⱼ C(nᵢⱼ, 2) counted per call.
 */
export class RelabellingScorer {
  readonly n: number;
  private readonly classes: number;
  private readonly labels: Int32Array[];
  private readonly sizes: number[];
  private readonly expected: Float64Array;
  private readonly range: Float64Array;
  private readonly cells: Int32Array;

  constructor(reference: readonly Label[], partitions: readonly (readonly number[])[]) {
    const { codes, classes } = labelCodes(reference);
    this.n = codes.length;
    this.classes = classes;
    if (partitions.length === 0) throw new RangeError("permutation null: no candidate partitions");
    const classSize = new Array<number>(classes).fill(0);
    for (const c of codes) classSize[c]++;
    const sumA = classSize.reduce((s, a) => s + pairs(a), 0);
    const total = pairs(this.n);
    this.labels = [];
    this.sizes = [];
    this.expected = new Float64Array(partitions.length);
    this.range = new Float64Array(partitions.length);
    let maxK = 1;
    partitions.forEach((p, m) => {
      if (p.length !== this.n) throw new RangeError(`permutation null: partition ${m} has ${p.length} labels for ${this.n} objects`);
      const { codes: lab, classes: k } = labelCodes(p);
      const size = new Array<number>(k).fill(0);
      for (const c of lab) size[c]++;
      const sumB = size.reduce((s, b) => s + pairs(b), 0);
      const e = total === 0 ? 0 : (sumA * sumB) / total;
      this.labels.push(lab);
      this.sizes.push(k);
      this.expected[m] = e;
      this.range[m] = (sumA + sumB) / 2 - e;
      maxK = Math.max(maxK, k);
    });
    this.cells = new Int32Array(classes * maxK);
  }

  /** ARI of candidate m against the relabelled reference `codes` (codes 0..R−1, the reference's class sizes). */
  ari(m: number, codes: Int32Array): number {
    // as lib/cluster/agreement.ts: the same trivial partition on both sides (or < 2 objects) agrees perfectly
    if (this.range[m] === 0) return 1;
    const lab = this.labels[m];
    const k = this.sizes[m];
    const cells = this.cells;
    let index = 0;
    for (let i = 0; i < this.n; i++) index += cells[codes[i] * k + lab[i]]++;
    for (let i = 0; i < this.n; i++) cells[codes[i] * k + lab[i]] = 0;
    return (index - this.expected[m]) / this.range[m];
  }

  /** max over the candidates of their ARI against `codes`. */
  best(codes: Int32Array): number {
    let best = -Infinity;
    for (let m = 0; m < this.labels.length; m++) {
      const a = this.ari(m, codes);
      if (a > best) best = a;
    }
    return best;
  }

  /** Number of reference classes R (relabellings must use codes 0..R−1). */
  get classCount(): number {
    return this.classes;
  }
}

/** Relabelling b of `codes`: a Fisher–Yates shuffle of a copy, from rng(childSeed(seed, b)). */
export function relabelling(codes: Int32Array, seed: number, b: number): Int32Array {
  const out = codes.slice();
  const random = rng(childSeed(seed, b));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

export interface NullOptions {
  /** number of relabellings B */
  permutations: number;
  seed: number;
  /** called after each relabelling with (done, B) */
  onProgress?: (done: number, total: number) => void;
}

/** T_b = best ARI of the candidates against relabelling b of the reference, b = 0 … B−1 (module comment). */
export function bestAriNull(reference: readonly Label[], partitions: readonly (readonly number[])[], options: NullOptions): number[] {
  const { permutations, seed, onProgress } = options;
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`permutation null: permutations must be a positive integer, got ${permutations}`);
  if (!Number.isInteger(seed)) throw new TypeError(`permutation null: seed must be an integer, got ${seed}`);
  const scorer = new RelabellingScorer(reference, partitions);
  const { codes } = labelCodes(reference);
  const out: number[] = [];
  for (let b = 0; b < permutations; b++) {
    out.push(scorer.best(relabelling(codes, seed, b)));
    onProgress?.(b + 1, permutations);
  }
  return out;
}

/** The best ARI of the candidates against the reference itself: the observed statistic T. */
export function observedBestAri(reference: readonly Label[], partitions: readonly (readonly number[])[]): number {
  return new RelabellingScorer(reference, partitions).best(labelCodes(reference).codes);
}

/** Quantile q of `values` (linear interpolation between order statistics, type 7). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError("quantile: no values");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must lie in [0, 1], got ${q}`);
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** ARIs closer than this count as equal (T_b ≥ T): the same contingency table computed in another order. */
const TIE = 1e-12;

export interface NullSummary {
  /** the observed statistic T */
  observed: number;
  /** B */
  permutations: number;
  /** #{b : T_b ≥ T} */
  atLeastObserved: number;
  /** (1 + #{T_b ≥ T}) / (1 + B) */
  pValue: number;
  mean: number;
  max: number;
  quantiles: { q: number; value: number }[];
}

/** p-value (with the +1 correction), mean, maximum and quantiles of a null distribution. */
export function nullSummary(observed: number, values: readonly number[], quantiles: readonly number[] = NULL_QUANTILES): NullSummary {
  if (values.length === 0) throw new RangeError("nullSummary: no null values");
  if (!Number.isFinite(observed)) throw new RangeError(`nullSummary: observed statistic is ${observed}`);
  const atLeast = values.filter((v) => v >= observed - TIE).length;
  return {
    observed,
    permutations: values.length,
    atLeastObserved: atLeast,
    pValue: (1 + atLeast) / (1 + values.length),
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    max: Math.max(...values),
    quantiles: quantiles.map((q) => ({ q, value: quantile(values, q) })),
  };
}

/**
 * The exact null for tiny cases: T over every distinct arrangement of the reference's labels (each arrangement is
 * equally likely under a uniform shuffle, as each arises from the same number ∏ aᵢ! of permutations). There are
 * N! / ∏ aᵢ! arrangements: refused above `limit`.
 */
export function exactBestAriNull(reference: readonly Label[], partitions: readonly (readonly number[])[], limit = 1_000_000): number[] {
  const scorer = new RelabellingScorer(reference, partitions);
  const { codes, classes } = labelCodes(reference);
  const left = new Array<number>(classes).fill(0);
  for (const c of codes) left[c]++;
  let count = 1;
  let placed = 0;
  for (const a of left) {
    for (let t = 1; t <= a; t++) count = (count * ++placed) / t;
  }
  if (count > limit) throw new RangeError(`exact null: ${count} arrangements, more than the limit of ${limit}`);
  const out: number[] = [];
  const current = new Int32Array(codes.length);
  const place = (i: number): void => {
    if (i === codes.length) {
      out.push(scorer.best(current));
      return;
    }
    for (let c = 0; c < classes; c++) {
      if (left[c] === 0) continue;
      left[c]--;
      current[i] = c;
      place(i + 1);
      left[c]++;
    }
  };
  place(0);
  return out;
}

/** The exact p-value P(T_b ≥ T) under the exact null (no +1: every arrangement is counted). */
export function exactPValue(observed: number, values: readonly number[]): number {
  return values.filter((v) => v >= observed - TIE).length / values.length;
}
