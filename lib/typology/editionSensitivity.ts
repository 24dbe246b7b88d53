/**
 * Does the typology depend on which edition of the data it is computed from? One clustering
 * configuration (features, scaling, method, k) applied to each edition of the same provinces
 * (lib/data/editionVariants.ts: yearbook GDP or value added × printed totals or sums of sectors),
 * each result scored against the reference (Table 1) by ARI and AMI and against the first edition
 * (the paper's) by ARI.
 *
 * To say which provinces move, each edition's clusters are named after the reference classes by the
 * Hungarian matching (lib/cluster/hungarian.ts, one class per cluster, maximising agreement); a
 * province "changes" when its matched class is not the same in every edition.
 */
import { adjustedMutualInfo, adjustedRandIndex, Label } from "../cluster/agreement";
import { featureMatrix } from "./features";
import { ProvinceFlows } from "../data/provinceFlows";
import { matchLabels } from "../cluster/hungarian";
import { scale, Scaling } from "../cluster/scaling";
import { clusterLabels, Method } from "../cluster/methods";

export interface Edition {
  id: string;
  zh: string;
  en: string;
  rows: readonly ProvinceFlows[];
}

export interface EditionConfig {
  features: readonly string[];
  scaling: Scaling;
  method: Method;
  k: number;
  seed: number;
  /** k-means restarts (default 1000: one fit per edition, so make it the optimum; see lib/typology/sensitivity.ts) */
  restarts?: number;
}

export interface EditionClustering {
  id: string;
  zh: string;
  en: string;
  labels: number[];
  /** ARI and AMI against the reference */
  ari: number;
  ami: number;
  /** ARI against the first edition's clustering (1 for the first itself) */
  ariVsFirst: number;
  /** each province's cluster named after a reference class (null: a cluster left without one) */
  matched: (Label | null)[];
  /** provinces whose matched class is their reference class */
  agree: number;
}

export interface EditionComparison {
  provinces: string[];
  editions: EditionClustering[];
  /** provinces whose matched class differs between editions, with the class in each edition */
  changed: { province: string; index: number; reference: Label; byEdition: (Label | null)[] }[];
}

/** Cluster every edition with one configuration and compare (see the module comment). */
export function compareEditions(editions: readonly Edition[], reference: readonly Label[], config: EditionConfig): EditionComparison {
  if (editions.length === 0) throw new RangeError("compareEditions: no editions");
  const provinces = editions[0].rows.map((r) => r.province_zh);
  if (reference.length !== provinces.length) throw new RangeError(`compareEditions: ${reference.length} reference labels for ${provinces.length} provinces`);
  for (const e of editions) {
    const names = e.rows.map((r) => r.province_zh);
    const i = names.findIndex((p, j) => p !== provinces[j]);
    if (names.length !== provinces.length || i >= 0) {
      throw new RangeError(`compareEditions: edition "${e.id}" lists ${names.length === provinces.length ? `${names[i]} where "${editions[0].id}" has ${provinces[i]}` : `${names.length} provinces, "${editions[0].id}" ${provinces.length}`}`);
    }
  }
  const out: EditionClustering[] = [];
  for (const e of editions) {
    const X = scale(featureMatrix(e.rows, config.features).X, config.scaling, { what: `features (${e.id})`, rowNames: provinces, colNames: [...config.features] });
    const labels = clusterLabels(X, config.k, config.method, { seed: config.seed, restarts: config.restarts ?? 1000, engine: "lloyd" });
    const m = matchLabels(labels, reference);
    out.push({
      id: e.id,
      zh: e.zh,
      en: e.en,
      labels,
      ari: adjustedRandIndex(reference, labels),
      ami: adjustedMutualInfo(reference, labels),
      ariVsFirst: out.length === 0 ? 1 : adjustedRandIndex(out[0].labels, labels),
      matched: m.mapped,
      agree: m.matched,
    });
  }
  const changed = provinces
    .map((province, index) => ({ province, index, reference: reference[index], byEdition: out.map((e) => e.matched[index]) }))
    .filter((c) => c.byEdition.some((t) => t !== c.byEdition[0]));
  return { provinces, editions: out, changed };
}
