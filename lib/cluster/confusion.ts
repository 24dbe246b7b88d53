/**
 * The confusion matrix of a clustering against a reference typology, laid out to be read: rows are the reference
 * classes in a given order (e.g. Table 1's), columns are the clusters in the order of the class each was matched
 * to (matchClusters below), so agreement lies on the diagonal; clusters that stand for no class come last, by id. counts[r][c] = #{objects of class r in cluster c}. The clusters may also be
 * another labelling with the reference's own names (e.g. a rule-based classification), matched the same way.
 */
import { type Label } from "./agreement";
import { matchLabels } from "./hungarian";

/**
 * The reference class each cluster stands for: the Hungarian matching (lib/cluster/hungarian.ts matchLabels), except
 * that a cluster paired with a class none of its members belongs to (the matching must pair every cluster while
 * classes last) stands for nothing: null.
 */
export function matchClusters(clusters: readonly Label[], reference: readonly Label[]): Map<Label, Label | null> {
  const { mapping } = matchLabels(clusters, reference);
  const out = new Map<Label, Label | null>();
  for (const [c, m] of mapping) {
    const overlap = m !== null && clusters.some((x, i) => x === c && reference[i] === m);
    out.set(c, overlap ? m : null);
  }
  return out;
}

export interface Confusion {
  /** reference classes, one per row */
  rows: Label[];
  /** cluster ids (or predicted classes), one per column */
  columns: Label[];
  /** the class each column's cluster was matched to, or null */
  matched: (Label | null)[];
  counts: number[][];
  /** objects on the diagonal (in a cluster matched to their own class) */
  agreeing: number;
}

/**
 * Labels in a fixed order: numbers by value, anything else by the UTF-16 code units of its text. Not localeCompare,
 * whose order depends on the machine's locale and ICU data: the same input must give the same matrix everywhere.
 */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Confusion matrix with rows in `rowOrder` (classes not listed there follow, sorted) and matched columns (see above). */
export function confusionMatrix(reference: readonly Label[], clusters: readonly Label[], rowOrder: readonly Label[] = []): Confusion {
  if (reference.length !== clusters.length) throw new RangeError(`confusionMatrix: ${reference.length} reference labels for ${clusters.length} clusters`);
  const present = new Set(reference);
  const rows: Label[] = rowOrder.filter((l) => present.has(l));
  const rest = [...present].filter((l) => !rows.includes(l)).sort(compareLabels);
  rows.push(...rest);
  const mapping = matchClusters(clusters, reference);
  const rank = (c: Label) => {
    const m = mapping.get(c);
    return m === null || m === undefined ? rows.length : rows.indexOf(m);
  };
  const columns = [...new Set(clusters)].sort((a, b) => rank(a) - rank(b) || compareLabels(a, b));
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  clusters.forEach((c, i) => counts[rows.indexOf(reference[i])][columns.indexOf(c)]++);
  const agreeing = clusters.filter((c, i) => mapping.get(c) === reference[i]).length;
  return { rows, columns, matched: columns.map((c) => mapping.get(c) ?? null), counts, agreeing };
}
