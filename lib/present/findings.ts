/**
 * What the study finds, in numbers: the misprints of Tables 2–6, the share of the text's computable claims that
 * hold, how far clustering reproduces Table 1, which provinces are fragile, and what value added says about trade
 * dependence. Computed from the data at the notebooks' default parameters (the report's index opens with them, the
 * README quotes them and a test holds the README to them), so no summary number is typed in.
 */
import { classifyByRules, DEFAULT_THRESHOLDS } from "../typology/rules";
import { elbow } from "../cluster/elbow";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS } from "../typology/pipeline";
import { paperTypes, searchClusterings } from "../typology/search";
import { clusterStability, fragileProvinces } from "../typology/stability";
import { agreementSummary } from "./clusterRows";
import { checkClaims } from "../checks/claims";
import { provinceFlows2017, readGdp2017 } from "../data/editions";
import { reconcile } from "../checks/reconcile";
import { typeDependenceRows, type DependenceRow } from "../inputOutput/exposure";
import { grossFlows } from "../inputOutput/grossFlows";
import { provinceValueAdded } from "../inputOutput/provinceValueAdded";

/** Notebook 01's and 05's defaults (their parameters cells; `trade-patterns stability`'s defaults are 05's). */
export const FINDINGS_PARAMETERS = {
  cluster: DEFAULT_CLUSTER_OPTIONS,
  searchRestarts: 100,
  elbow: { kMin: 2, kMax: 10 },
  stability: { runs: 1000, amplitude: 0.1, seed: 20171231, restarts: 100, threshold: 0.75 },
} as const;

export interface Agreement {
  ari: number;
  /** provinces in the type their cluster is matched with (Hungarian matching) */
  agreeing: number;
  of: number;
}

export interface Findings {
  misprints: { table: number; group_zh: string; column: string; printed: string; should_read: string }[];
  /** printed cells of Tables 2–6 that are not misprints, and all of them */
  otherCells: number;
  printedCells: number;
  claims: { total: number; hold: number; repeatMisprint: number; roundedSum: number; other: number };
  gdp: { printed: number; recovered: number; yearbook: number };
  kmeans: Agreement;
  search: { configurations: number; bestAri: number };
  /** the k of the highest mean silhouette over FINDINGS_PARAMETERS.elbow */
  silhouettePeak: number;
  rules: Agreement;
  /** provinces below the threshold, least stable first, and the least stable one above it */
  fragile: { province: string; stability: number }[];
  nearestAbove: { province: string; stability: number } | null;
  /** 全国: gross 外贸/内贸依存度 beside the value-added shares of GDP induced by exports, outflows and local demand */
  valueAdded: DependenceRow;
}

function agreement(labels: readonly (string | number)[], types: readonly string[]): Agreement {
  const s = agreementSummary("", labels, types);
  const [agreeing, of] = String(s.agreeing).split(" / ").map(Number);
  return { ari: Number(s.ari), agreeing, of };
}

/** The findings, from the paper edition's data (a few seconds: 1,000-restart k-means, 252 searches, 1,000 stability runs). */
export function studyFindings(): Findings {
  const data = provinceFlows2017("paper");
  const types = paperTypes(data);
  const cells = reconcile(data);
  const misprints = cells
    .filter((c) => c.status === "misprint")
    .map((c) => ({ table: c.table, group_zh: c.group_zh, column: c.column, printed: c.printed, should_read: c.should_read! }));
  const claims = checkClaims(data);
  const failing = claims.filter((c) => !c.holds);
  const repeatMisprint = failing.filter((c) => /that cell is a misprint/.test(c.note)).length;
  const roundedSum = failing.filter((c) => /the paper added rounded shares/.test(c.note)).length;
  const gdp = readGdp2017();
  const count = (k: string) => gdp.filter((g) => g.source_kind === k).length;

  const { cluster, searchRestarts, stability: st } = FINDINGS_PARAMETERS;
  const km = clusterProvinces(data, cluster);
  const search = searchClusterings(data, types, { seed: cluster.seed, k: cluster.k, restarts: searchRestarts });
  const curve = elbow(km.Z, { seed: cluster.seed, ...FINDINGS_PARAMETERS.elbow, restarts: cluster.restarts });
  const peak = curve.reduce((a, b) => ((b.silhouette ?? -Infinity) > (a.silhouette ?? -Infinity) ? b : a));
  const rules = classifyByRules(data, DEFAULT_THRESHOLDS).map((d) => d.type);

  const stab = clusterStability(data, {
    features: cluster.features,
    scaling: cluster.scaling,
    k: cluster.k,
    seed: st.seed,
    runs: st.runs,
    restarts: st.restarts,
    amplitude: st.amplitude,
    resampling: "perturb",
    reference: types,
  });
  const fragile = fragileProvinces(stab, types, st.threshold).map((f) => ({ province: f.province, stability: f.stability }));
  const above = stab.provinces
    .map((p, i) => ({ province: p, stability: stab.stability[i] }))
    .filter((p) => p.stability >= st.threshold)
    .sort((a, b) => a.stability - b.stability)[0];

  const national = typeDependenceRows(provinceValueAdded(2017), grossFlows(2017))[0];
  return {
    misprints,
    otherCells: cells.length - misprints.length,
    printedCells: cells.length,
    claims: { total: claims.length, hold: claims.length - failing.length, repeatMisprint, roundedSum, other: failing.length - repeatMisprint - roundedSum },
    gdp: { printed: count("printed"), recovered: count("recovered"), yearbook: count("yearbook") },
    kmeans: agreement(km.labels, types),
    search: { configurations: search.length, bestAri: Math.max(...search.map((r) => r.ari)) },
    silhouettePeak: peak.k,
    rules: agreement(rules, types),
    fragile,
    nearestAbove: above ?? null,
    valueAdded: national,
  };
}
