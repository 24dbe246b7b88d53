// Robustness analysis (notebook 05): bootstrap stability, fragile provinces, the sensitivity sweep, the
// four data editions and the progress lines. Known answers come from hand calculations and probability.
import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { compareEditions } from "../lib/typology/editionSensitivity";
import { ProvinceFlows } from "../lib/data/provinceFlows";
import { paperTypes } from "../lib/typology/search";
import { sensitivityFeatureSets, sensitivitySweep, summarizeAxis, withFeatureSet } from "../lib/typology/sensitivity";
import {
  bootstrapStability,
  clusterStability,
  coassignmentFromCounts,
  consensusClustering,
  countPairs,
  fragileProvinces,
  groupAffinity,
  perturbationStability,
  provinceStability,
} from "../lib/typology/stability";
import { syntheticProvinces } from "../lib/typology/synthetic";
import { provinceFlows2017, readDerivedFlows, readGdp2017 } from "../lib/data/editions";
import { EDITION_VARIANTS, editionFlows2017, editionVariant, variantFlows, variantFlows2017 } from "../lib/data/editionVariants";
import { agreementWithTable1, stabilitySummary } from "../lib/present/robustnessTables";
import { PROVINCES } from "../lib/paper/provinces";
import { progressLine, progressReporter } from "../lib/core/progress";

const RATIOS = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"];
const PROVINCES_ALL = () => PROVINCES.map((p) => p.zh);
const provinceType = (zh: string) => PROVINCES.find((p) => p.zh === zh)!.type;

/** A province with GDP 100, foreign trade `ftd` % and domestic trade `dtd` % of GDP, split evenly by direction. */
function row(province_zh: string, ftd: number, dtd = 100): ProvinceFlows {
  return { province_zh, total_output: 300, gdp: 100, export: ftd / 2, import: ftd / 2, outflow: dtd / 2, inflow: dtd / 2 };
}

/** Three tight groups of ten on the ftd axis (1-D: dtd is the same everywhere), far apart on a log scale. */
function threeGroups(): { rows: ProvinceFlows[]; groups: string[] } {
  const rows: ProvinceFlows[] = [];
  const groups: string[] = [];
  for (const [g, centre] of [["甲", 2], ["乙", 20], ["丙", 200]] as const) {
    for (let m = 0; m < 10; m++) {
      rows.push(row(`${g}${m}`, centre * (1 + 0.01 * m)));
      groups.push(g);
    }
  }
  return { rows, groups };
}

describe("co-assignment counting", () => {
  it("counts bootstrap pairs only when both were drawn, copies once (hand example)", () => {
    // 4 provinces. Run 1 draws [0, 0, 1, 2] → clusters [a, a, b, b]: 1 and 2 together; 3 not drawn.
    // Run 2 draws [3, 1, 1, 0] → clusters [x, y, y, x]: 0 and 3 together; 2 not drawn.
    const n = 4;
    const together = new Int32Array(n * n);
    const both = new Int32Array(n * n);
    countPairs([0, 1, 1, -1], together, both);
    countPairs([0, 1, -1, 0], together, both);
    const at = (a: Int32Array, i: number, j: number) => a[i * n + j];
    // drawn: 0 twice, 1 twice, 2 once, 3 once
    expect([0, 1, 2, 3].map((i) => at(both, i, i))).toEqual([2, 2, 1, 1]);
    // both drawn: (0,1) in runs 1 and 2; (0,2), (1,2) in run 1; (0,3), (1,3) in run 2; (2,3) never
    expect([at(both, 0, 1), at(both, 0, 2), at(both, 0, 3), at(both, 1, 2), at(both, 1, 3), at(both, 2, 3)]).toEqual([2, 1, 1, 1, 1, 0]);
    expect([at(together, 0, 1), at(together, 0, 2), at(together, 0, 3), at(together, 1, 2), at(together, 1, 3)]).toEqual([0, 0, 1, 1, 0]);
    // (2, 3) was never observed: no estimate, an error naming both
    expect(() => coassignmentFromCounts(together, both, ["甲", "乙", "丙", "丁"])).toThrow(/丙 and 丁 were never in the sample together/);
    // add run 3 drawing [2, 3, 3, 2] → [c, d, d, c]: 2 and 3 apart
    countPairs([-1, -1, 0, 1], together, both);
    const M = coassignmentFromCounts(together, both, ["甲", "乙", "丙", "丁"]);
    expect(M).toEqual([
      [1, 0, 0, 1],
      [0, 1, 1, 0],
      [0, 1, 1, 0],
      [1, 0, 0, 1],
    ]);
  });

  it("provinceStability: mean co-assignment with consensus partners; a singleton gets its alone rate", () => {
    const M = [
      [1, 0.8, 0.6, 0],
      [0.8, 1, 1, 0],
      [0.6, 1, 1, 0.1],
      [0, 0, 0.1, 1],
    ];
    const { labels } = consensusClustering(M, 2);
    expect(labels).toEqual([0, 0, 0, 1]);
    // s₀ = (0.8 + 0.6)/2, s₁ = (0.8 + 1)/2, s₂ = (0.6 + 1)/2, s₃ = alone rate
    const s = provinceStability(M, labels, [0, 0, 0, 0.9]);
    expect(s.map((x) => +x.toFixed(12))).toEqual([0.7, 0.9, 0.8, 0.9]);
  });

  it("groupAffinity and fragileProvinces name the borderline province and where it leans", () => {
    // 丙 is in type B but sits with type A's members 70 % of the time and with B's other member 20 %
    const provinces = ["甲", "乙", "丙", "丁"];
    const types = ["A", "A", "B", "B"];
    const M = [
      [1, 1, 0.7, 0],
      [1, 1, 0.7, 0],
      [0.7, 0.7, 1, 0.2],
      [0, 0, 0.2, 1],
    ];
    const aff = groupAffinity(M, types);
    expect(aff.groups).toEqual(["A", "B"]);
    expect(aff.affinity[2]).toEqual([0.7, 0.2]);
    expect(aff.affinity[3]).toEqual([0, 0.2]);
    const stability = [1, 1, 0.7, 0.6];
    const fragile = fragileProvinces({ provinces, stability, coassignment: M }, types, 0.75);
    expect(fragile.map((f) => [f.province, f.stability, f.group, f.ownAffinity, f.leansTo, f.leansToAffinity])).toEqual([
      ["丁", 0.6, "B", 0.2, null, null], // never with A: leans nowhere
      ["丙", 0.7, "B", 0.2, "A", 0.7],
    ]);
    expect(fragileProvinces({ provinces, stability, coassignment: M }, types, 0.5)).toEqual([]);
    expect(() => fragileProvinces({ provinces, stability, coassignment: M }, types, 1.5)).toThrow(/threshold/);
  });
});

describe("resampling stability", () => {
  it("zero noise: co-assignment is 0/1 and equals the base clustering when k-means finds the optimum", () => {
    // the real 2017 flows, five ratios, z, k = 7: with 1000 restarts every run reaches the lowest W
    const rows = provinceFlows2017("paper");
    const st = perturbationStability(rows, { features: RATIOS, scaling: "z", k: 7, seed: 3, runs: 12, restarts: 1000, amplitude: 0 });
    const base = st.baseLabels;
    expect(st.coassignment).toEqual(base.map((a) => base.map((b) => (a === b ? 1 : 0))));
    expect(st.runAriVsBase).toEqual(new Array(12).fill(1));
    expect(adjustedRandIndex(base, st.consensus.labels)).toBe(1);
    expect(new Set(st.stability)).toEqual(new Set([1]));
  });

  it("zero noise with too few restarts: the co-assignment shows k-means' local minima, not the data", () => {
    // the caveat of lib/typology/stability.ts: one k-means++ start reaches the optimum ~1.5 % of the time here
    const rows = provinceFlows2017("paper");
    const st = perturbationStability(rows, { features: RATIOS, scaling: "z", k: 7, seed: 3, runs: 100, restarts: 10, amplitude: 0 });
    const fractional = st.coassignment.flat().filter((m) => m > 0 && m < 1).length;
    expect(fractional).toBeGreaterThan(0);
    expect(Math.min(...st.runAriVsBase)).toBeLessThan(1);
  });

  it("well-separated data: stability 1 under perturbation and bootstrap alike", () => {
    const { rows, groups } = threeGroups();
    for (const resampling of ["perturb", "bootstrap"] as const) {
      const st = clusterStability(rows, { features: ["ftd", "trade_ratio"], scaling: "logz", k: 3, seed: 5, runs: 200, restarts: 5, amplitude: 0.1, resampling, reference: groups });
      expect(st.stability).toEqual(new Array(30).fill(1));
      expect(st.coassignment).toEqual(groups.map((a) => groups.map((b) => (a === b ? 1 : 0))));
      expect(adjustedRandIndex(groups, st.consensus.labels)).toBe(1);
      expect(st.runAriVsReference).toEqual(new Array(200).fill(1));
    }
  });

  it("bootstrap: each province is drawn in 1 − (1 − 1/n)ⁿ of runs, each pair in 1 − 2(1 − 1/n)ⁿ + (1 − 2/n)ⁿ", () => {
    const { rows } = threeGroups();
    const n = rows.length;
    const runs = 2000;
    const st = bootstrapStability(rows, { features: ["ftd", "trade_ratio"], scaling: "z", k: 3, seed: 11, runs, restarts: 2 });
    const pSingle = 1 - (1 - 1 / n) ** n; // 0.6380 for n = 30
    const pPair = 1 - 2 * (1 - 1 / n) ** n + (1 - 2 / n) ** n; // 0.4048
    const diag = st.pairCounts.map((r, i) => r[i] / runs);
    const off = st.pairCounts.flatMap((r, i) => r.filter((_, j) => j !== i)).map((c) => c / runs);
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    // binomial sd of one proportion ≈ 0.011; the means over 30 and 870 cells are far tighter
    expect(Math.abs(mean(diag) - pSingle)).toBeLessThan(0.01);
    expect(Math.abs(mean(off) - pPair)).toBeLessThan(0.01);
    for (const d of diag) expect(Math.abs(d - pSingle)).toBeLessThan(0.06);
    expect(st.pairCounts).toEqual(st.pairCounts.map((r, i) => r.map((_, j) => st.pairCounts[j][i])));
    expect(st.amplitude).toBe(0);
  });

  it("is reproducible from its seed under bootstrap, and reports progress once per run", () => {
    const { rows } = syntheticProvinces(8, 0.3);
    const seen: number[] = [];
    const opts = { features: RATIOS, scaling: "z" as const, k: 5, seed: 2, runs: 30, restarts: 3 };
    const a = bootstrapStability(rows, { ...opts, onProgress: (d) => seen.push(d) });
    const b = bootstrapStability(rows, opts);
    expect(b.coassignment).toEqual(a.coassignment);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("rejects a bad resampling, restarts and reference", () => {
    const { rows } = syntheticProvinces(8);
    const base = { features: RATIOS, scaling: "z" as const, k: 3, seed: 1, runs: 2 };
    expect(() => clusterStability(rows, { ...base, resampling: "jackknife" as never })).toThrow(/unknown resampling "jackknife"/);
    expect(() => clusterStability(rows, { ...base, restarts: 0 })).toThrow(/restarts must be a positive integer/);
    expect(() => clusterStability(rows, { ...base, reference: ["a"] })).toThrow(/1 reference labels for 31 rows/);
  });
});

describe("sensitivity sweep", () => {
  // six provinces on one axis (ftd 1, 1.1 | 10, 11 | 100, 110 on a log scale, dtd constant): three pairs,
  // the third pair far from the other two
  const rows = [row("甲", 1), row("乙", 1.1), row("丙", 10), row("丁", 11), row("戊", 1000), row("己", 1100)];
  const reference = ["A", "A", "B", "B", "C", "C"];
  const fs = [{ id: "ftd", zh: "外贸依存度", en: "ftd", features: ["ftd" as const] }];

  it("finds the three pairs at k = 3 and the hand-computed ARI 0.4444 at k = 2 with every method", () => {
    const cells = sensitivitySweep(rows, reference, { seed: 1, ks: [2, 3], featureSets: fs, scalings: ["logz"], restarts: 20 });
    expect(cells.map((c) => [c.method, c.k])).toEqual([
      ["kmeans", 2], ["kmeans", 3], ["ward", 2], ["ward", 3], ["average", 2], ["average", 3],
    ]);
    for (const c of cells) {
      if (c.k === 3) expect([c.ari, c.ami]).toEqual([1, 1]);
      // k = 2 puts {甲乙丙丁} against {戊己}: Σ C(nᵢⱼ,2) = 3, Σ C(aᵢ,2) = 3, Σ C(bⱼ,2) = 6 + 1 = 7, C(6,2) = 15,
      // E = 3·7/15 = 1.4, ARI = (3 − 1.4)/((3 + 7)/2 − 1.4) = 1.6/3.6
      else expect(c.ari).toBeCloseTo(1.6 / 3.6, 12);
      expect(c.silhouette).not.toBeNull();
    }
    const byK = summarizeAxis(cells, "k");
    expect(byK.map((s) => [s.level, s.cells, s.maxAri])).toEqual([
      [2, 3, expect.closeTo(0.4444, 4)],
      [3, 3, 1],
    ]);
  });

  it("enumerates feature set × scaling × method × k on the real data and rejects a bad k", () => {
    const data = provinceFlows2017("paper");
    const ref = paperTypes(data);
    const cells = sensitivitySweep(data, ref, { seed: 1, ks: [6, 7], scalings: ["z", "logz"], restarts: 5 });
    expect(cells).toHaveLength(5 * 2 * 3 * 2);
    expect(new Set(cells.map((c) => c.featureSet.id)).size).toBe(5);
    for (const c of cells) expect(new Set(c.labels).size).toBe(c.k);
    expect(() => sensitivitySweep(data, ref, { seed: 1, ks: [1] })).toThrow(/k must be an integer in 2\.\.30/);
  });
});

describe("data editions", () => {
  const derived = readDerivedFlows();
  const gdp = readGdp2017();

  it("the paper and tables variants are lib/data/editions.ts's two editions", () => {
    expect(variantFlows(derived, gdp, editionVariant("paper"))).toEqual(provinceFlows2017("paper"));
    expect(variantFlows(derived, gdp, editionVariant("tables"))).toEqual(provinceFlows2017("tables"));
  });

  it("the mixed variants take GDP from one edition and the flows from the other", () => {
    const paper = provinceFlows2017("paper");
    const tables = provinceFlows2017("tables");
    const ys = variantFlows(derived, gdp, editionVariant("yearbook_sectors"));
    const vp = variantFlows(derived, gdp, editionVariant("va_printed"));
    ys.forEach((r, i) => expect(r).toEqual({ ...tables[i], gdp: paper[i].gdp }));
    vp.forEach((r, i) => {
      const printed = derived.find((d) => d.year === 2017 && d.basis === "printed_total" && d.province_zh === r.province_zh)!;
      expect(r).toEqual({ ...paper[i], gdp: printed.value_added });
    });
    // 天津's yearbook GDP, China Statistical Yearbook 2018 table 3-9: 18549.19 亿元
    expect(ys.find((r) => r.province_zh === "天津")!.gdp).toBe(18549.19);
    expect(EDITION_VARIANTS.map((v) => v.id)).toEqual(["paper", "yearbook_sectors", "va_printed", "tables"]);
  });

  it("says which row is missing, and rejects an unknown variant", () => {
    const without = derived.filter((d) => !(d.year === 2017 && d.basis === "sector_sum" && d.province_zh === "西藏"));
    expect(() => variantFlows(without, gdp, editionVariant("tables"))).toThrow(/no 2017 sector_sum row for 西藏/);
    expect(() => variantFlows(derived, gdp.filter((g) => g.province_zh !== "青海"), editionVariant("paper"))).toThrow(/no yearbook GDP for 青海/);
    expect(() => editionVariant("gdp")).toThrow(/unknown edition variant "gdp"/);
  });

  it("compareEditions: an edition identical to the first agrees fully; a reordered one is refused", () => {
    const paper = provinceFlows2017("paper");
    const ref = paperTypes(paper);
    const config = { features: RATIOS, scaling: "z" as const, method: "ward" as const, k: 7, seed: 1 };
    const cmp = compareEditions(
      [
        { id: "a", zh: "甲", en: "a", rows: paper },
        { id: "b", zh: "乙", en: "b", rows: paper.map((r) => ({ ...r })) },
      ],
      ref,
      config,
    );
    expect(cmp.editions[1].ariVsFirst).toBe(1);
    expect(cmp.editions[1].labels).toEqual(cmp.editions[0].labels);
    expect(cmp.changed).toEqual([]);
    expect(cmp.editions[0].agree).toBe(cmp.editions[0].matched.filter((t, i) => t === ref[i]).length);
    expect(() => compareEditions([{ id: "a", zh: "", en: "", rows: paper }, { id: "b", zh: "", en: "", rows: [...paper].reverse() }], ref, config)).toThrow(
      /edition "b" lists 新疆 where "a" has 北京/,
    );
  });

  it("on the 2017 data Ward's k = 7 clustering depends on the GDP source, not on the flow basis", () => {
    // the finding notebook 05 reports (five ratios, z; Ward is deterministic, so no local minima are involved)
    const eds = variantFlows2017().map(({ variant, rows }) => ({ ...variant, rows }));
    const cmp = compareEditions(eds, paperTypes(eds[0].rows), { features: RATIOS, scaling: "z", method: "ward", k: 7, seed: 1 });
    const [paper, yearbookSectors, vaPrinted, tables] = cmp.editions.map((e) => e.labels);
    expect(adjustedRandIndex(paper, yearbookSectors)).toBe(1);
    expect(adjustedRandIndex(vaPrinted, tables)).toBe(1);
    expect(adjustedRandIndex(paper, tables)).toBeLessThan(0.9);
  });
});

describe("progress lines", () => {
  it("one line per 10 % of the work, whatever the number of iterations", () => {
    const lines: string[] = [];
    const report = progressReporter("stability", (l) => lines.push(l));
    for (let d = 1; d <= 1000; d++) report(d, 1000);
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => progressLine("stability", 100 * (i + 1), 1000)));
    expect(lines[2]).toBe("stability: 30 % (300/1000)");
  });

  it("few iterations: a line per iteration, the last at 100 %; a new loop starts over", () => {
    const lines: string[] = [];
    const report = progressReporter("sweep", (l) => lines.push(l));
    for (let d = 1; d <= 3; d++) report(d, 3);
    for (let d = 1; d <= 3; d++) report(d, 3);
    expect(lines).toEqual(["sweep: 33 % (1/3)", "sweep: 66 % (2/3)", "sweep: 100 % (3/3)", "sweep: 33 % (1/3)", "sweep: 66 % (2/3)", "sweep: 100 % (3/3)"]);
    expect(() => report(4, 3)).toThrow(/4 of 3/);
  });

  it("with an interval, a line whenever that long passed since the last one, even between steps; with a total, the 0 % line at once", () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter("cluster", (l) => lines.push(l), { interval: 2, total: 1000, now: () => t });
    expect(lines).toEqual(["cluster: 0 % (0/1000)"]);
    // 1.5 s per iteration: every iteration after the first passes the 2 s since the last line
    for (let d = 1; d <= 3; d++) {
      t += 1500;
      report(d, 1000);
    }
    expect(lines).toEqual(["cluster: 0 % (0/1000)", "cluster: 0 % (2/1000)"]);
    t += 10;
    for (let d = 4; d <= 100; d++) report(d, 1000);
    expect(lines.at(-1)).toBe("cluster: 10 % (100/1000)");
  });

  it("with a delay, nothing until the run has taken that long: a quick run stays silent", () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter("search", (l) => lines.push(l), { interval: 2, delay: 3, now: () => t });
    for (let d = 1; d <= 10; d++) report(d, 10);
    expect(lines).toEqual([]);
    const slow = progressReporter("search", (l) => lines.push(l), { interval: 2, delay: 3, now: () => t });
    for (let d = 1; d <= 10; d++) {
      t += 1000;
      slow(d, 10);
    }
    // silent for 3 s, then at each step (10 %) and at the end
    expect(lines).toEqual(["search: 30 % (3/10)", "search: 40 % (4/10)", "search: 50 % (5/10)", "search: 60 % (6/10)", "search: 70 % (7/10)", "search: 80 % (8/10)", "search: 90 % (9/10)", "search: 100 % (10/10)"]);
  });
});

describe("robustness tables and summaries", () => {
  it("agreementWithTable1: a partition equal to Table 1 agrees fully; moving one province is named", () => {
    const provinces = PROVINCES_ALL();
    const types = provinces.map((p) => provinceType(p));
    const ids = [...new Set(types)];
    const labels = types.map((t) => ids.indexOf(t));
    const same = agreementWithTable1(provinces, labels);
    expect([same.ari, same.ami, same.agree, same.moved]).toEqual([1, 1, 31, []]);
    // put 福建 (外向型) into the cluster of 山东 (自洽型)
    const moved = labels.slice();
    moved[provinces.indexOf("福建")] = labels[provinces.indexOf("山东")];
    const a = agreementWithTable1(provinces, moved);
    expect(a.agree).toBe(30);
    expect(a.moved).toEqual(["福建"]);
    expect(a.matched[provinces.indexOf("福建")]).toBe("自洽型经济");
    expect(a.ari).toBeLessThan(1);
  });

  it("stabilitySummary counts undecided pairs, runs equal to the base, and means (hand-made result)", () => {
    const { rows } = syntheticProvinces(8);
    const st = clusterStability(rows, { features: RATIOS, scaling: "z", k: 3, seed: 5, runs: 2, restarts: 1 });
    // 3 provinces, one undecided pair (北京–上海 together in half the runs), two runs
    const M = [
      [1, 0.5, 0],
      [0.5, 1, 0],
      [0, 0, 1],
    ];
    const fake = {
      ...st,
      provinces: ["北京", "上海", "重庆"],
      coassignment: M,
      stability: [0.5, 0.5, 1],
      baseLabels: [0, 0, 1],
      consensus: { ...st.consensus, labels: [0, 0, 1] },
      runAriVsBase: [1, 0.5],
      runAriVsReference: [0, 1],
      runs: 2,
    };
    const f = stabilitySummary(fake);
    expect([f.undecidedPairs, f.pairs, f.runsEqualToBase, f.meanRunAriVsBase, f.meanRunAriVsTable1, f.meanStability]).toEqual([1, 3, 0.5, 0.75, 0.5, 2 / 3]);
    // all three are 双循环经济 in Table 1: the cluster holding 重庆 alone gets no type
    expect(f.consensus.matched).toEqual(["双循环经济", "双循环经济", null]);
    expect(f.consensus.moved).toEqual(["重庆"]);
    expect(stabilitySummary({ ...fake, runAriVsReference: [] }).meanRunAriVsTable1).toBeNull();
  });

  it("withFeatureSet finds the sweep's set with the same features in any order, or adds the user's", () => {
    const sets = sensitivityFeatureSets();
    expect(withFeatureSet(sets, ["inflow_rate", "outflow_rate", "dtd", "ftd", "trade_ratio"]).id).toBe("ratios");
    expect(withFeatureSet(sets, ["dtd", "ftd"])).toEqual({ sets, id: "ratios:ftd+dtd" });
    const added = withFeatureSet(sets, ["export_rate", "gdp"]);
    expect(added.id).toBe("chosen");
    expect(added.sets).toHaveLength(sets.length + 1);
    expect(added.sets[sets.length].features).toEqual(["export_rate", "gdp"]);
    expect(() => withFeatureSet(sets, ["nope"])).toThrow(/unknown feature "nope"/);
  });

  it("editionFlows2017 reads one variant by id", () => {
    expect(editionFlows2017("tables")).toEqual(provinceFlows2017("tables"));
    expect(() => editionFlows2017("yearbook")).toThrow(/unknown edition variant/);
  });
});
