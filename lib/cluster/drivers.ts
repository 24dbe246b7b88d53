/**
 * Why does a clustering put a province elsewhere than a reference typology (the paper's Table 1)?
 *
 * Definition. Let zᵢ be province i's scaled features (the space the clustering saw), μ_T the mean of the
 * provinces the reference puts in i's type T, and μ_C the mean of the provinces in i's cluster C (both means
 * include i). Squared Euclidean distance is a sum over features, so
 *
 *     ‖zᵢ − μ_T‖² − ‖zᵢ − μ_C‖² = Σⱼ Δⱼ,   Δⱼ = (zᵢⱼ − μ_T,ⱼ)² − (zᵢⱼ − μ_C,ⱼ)²,
 *
 * and Δⱼ is how much feature j alone makes i look more like its cluster than like its paper type.
 * **The driving indicator is the j with the largest Δⱼ.** A positive total means that, in this space, i is
 * closer to its cluster's centre than to its own type's centre; a negative total (possible, e.g. after a
 * hierarchical cut) means the clustering's choice is not explained by distance to centres at all.
 *
 * A province is "elsewhere" when its cluster, translated into a reference class one-to-one by the Hungarian
 * matching (lib/cluster/confusion.ts matchClusters), is not its own class, or stands for no class.
 */
import { contingencyTable, type Label } from "./agreement";
import { matchClusters } from "./confusion";
import { checkMatrix } from "./matrix";

/** Δⱼ = (zⱼ − aⱼ)² − (zⱼ − bⱼ)² for each feature j: how much closer z is to b than to a, feature by feature. */
export function featureContributions(z: readonly number[], a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== z.length || b.length !== z.length) throw new RangeError(`featureContributions: lengths ${z.length}, ${a.length}, ${b.length} differ`);
  return z.map((zj, j) => (zj - a[j]) ** 2 - (zj - b[j]) ** 2);
}

/** Mean of the rows of X whose label equals `label`. */
export function meanOf(X: readonly (readonly number[])[], labels: readonly Label[], label: Label): number[] {
  const p = X[0].length;
  const sum = new Array<number>(p).fill(0);
  let count = 0;
  X.forEach((row, i) => {
    if (labels[i] !== label) return;
    count++;
    for (let j = 0; j < p; j++) sum[j] += row[j];
  });
  if (count === 0) throw new RangeError(`meanOf: no row has label ${String(label)}`);
  return sum.map((s) => s / count);
}

export interface Disagreement {
  /** row index */
  index: number;
  name: string;
  /** the reference class (paper type) */
  reference: Label;
  cluster: number;
  /** the reference class the cluster stands for (null: none; see matchClusters) */
  assigned: Label | null;
  /** the driving feature (largest Δⱼ) */
  feature: string;
  /** its Δⱼ */
  contribution: number;
  /** Σⱼ Δⱼ = ‖z − μ_T‖² − ‖z − μ_C‖² */
  total: number;
  /** Δⱼ for every feature, in feature order */
  contributions: number[];
  /** the driving feature in its own units: the province's value, its type's mean and its cluster's mean */
  value: number;
  referenceMean: number;
  clusterMean: number;
}

export interface DisagreementInput {
  /** n × p scaled features (the clustering's space) */
  Z: readonly (readonly number[])[];
  /** n × p the same features in their own units (for the values reported); default Z */
  raw?: readonly (readonly number[])[];
  features: readonly string[];
  names: readonly string[];
  reference: readonly Label[];
  clusters: readonly number[];
}

/** Every row the clustering puts elsewhere than the reference, with the feature that drives it (see the module comment). */
export function explainDisagreements(input: DisagreementInput): Disagreement[] {
  const { Z, features, names, reference, clusters } = input;
  const raw = input.raw ?? Z;
  const [n, p] = checkMatrix(Z, { what: "scaled features", rowNames: names, colNames: features });
  checkMatrix(raw, { what: "features", rowNames: names, colNames: features });
  if (raw.length !== n || raw[0].length !== p) throw new RangeError(`explainDisagreements: raw is ${raw.length} × ${raw[0].length}, Z is ${n} × ${p}`);
  for (const [what, len] of [["features", features.length], ["names", names.length], ["reference", reference.length], ["clusters", clusters.length]] as const) {
    const expected = what === "features" ? p : n;
    if (len !== expected) throw new RangeError(`explainDisagreements: ${len} ${what} for ${expected}`);
  }
  contingencyTable(reference, clusters); // validates the labels
  const mapping = matchClusters(clusters, reference);
  const mapped = clusters.map((c) => mapping.get(c) ?? null);
  const out: Disagreement[] = [];
  for (let i = 0; i < n; i++) {
    if (mapped[i] === reference[i]) continue;
    const muT = meanOf(Z, reference, reference[i]);
    const muC = meanOf(Z, clusters, clusters[i]);
    const contributions = featureContributions(Z[i], muT, muC);
    let best = 0;
    for (let j = 1; j < p; j++) if (contributions[j] > contributions[best]) best = j;
    out.push({
      index: i,
      name: names[i],
      reference: reference[i],
      cluster: clusters[i],
      assigned: mapped[i],
      feature: features[best],
      contribution: contributions[best],
      total: contributions.reduce((s, v) => s + v, 0),
      contributions,
      value: raw[i][best],
      referenceMean: meanOf(raw, reference, reference[i])[best],
      clusterMean: meanOf(raw, clusters, clusters[i])[best],
    });
  }
  return out;
}
