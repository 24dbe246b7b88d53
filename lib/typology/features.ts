/**
 * Clustering features computed from a province's flows (lib/indicators/ratios.ts `Flows`, 亿元).
 *
 * - the paper's five ratios (lib/indicators/ratios.ts `ratios()`): trade_ratio 内外贸易比, ftd 外贸依存度,
 *   dtd 内贸依存度, outflow_rate 流出率, inflow_rate 流入率;
 * - each flow per unit of GDP, in percent: export_rate X/Y, import_rate M/Y, outflow_gdp O/Y,
 *   inflow_gdp I/Y (ftd = export_rate + import_rate, dtd = outflow_gdp + inflow_gdp, etc., so these
 *   four carry the same information as the ratios, split by direction);
 * - the raw columns total_output, gdp, export, outflow, import, inflow (亿元; size, not structure).
 */
import { ratios } from "../indicators/ratios";
import { Flows, FLOW_COLUMNS, COLUMN_LABELS, RATIO_COLUMNS } from "../paper/columns";
import type { ProvinceFlows } from "../data/provinceFlows";


export const PER_GDP_COLUMNS = ["export_rate", "import_rate", "outflow_gdp", "inflow_gdp"] as const;
export type PerGdpColumn = (typeof PER_GDP_COLUMNS)[number];

export const FEATURE_NAMES = [...RATIO_COLUMNS, ...PER_GDP_COLUMNS, ...FLOW_COLUMNS] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface FeatureDefinition {
  zh: string;
  en: string;
  /** "%" for per-GDP percentages, "" for a pure ratio, "亿元" for flows */
  unit: string;
  compute: (f: Flows) => number;
}

const PER_GDP: Record<PerGdpColumn, { flow: keyof Flows; zh: string; en: string }> = {
  export_rate: { flow: "export", zh: "出口/GDP", en: "Exports / GDP (%)" },
  import_rate: { flow: "import", zh: "进口/GDP", en: "Imports / GDP (%)" },
  outflow_gdp: { flow: "outflow", zh: "国内省外流出/GDP", en: "Outflow to other provinces / GDP (%)" },
  inflow_gdp: { flow: "inflow", zh: "国内省外流入/GDP", en: "Inflow from other provinces / GDP (%)" },
};

export const FEATURES: Record<FeatureName, FeatureDefinition> = (() => {
  const out = {} as Record<FeatureName, FeatureDefinition>;
  for (const r of RATIO_COLUMNS) {
    out[r] = { ...COLUMN_LABELS[r], unit: r === "trade_ratio" ? "" : "%", compute: (f) => ratios(f)[r] };
  }
  for (const c of PER_GDP_COLUMNS) {
    const d = PER_GDP[c];
    out[c] = { zh: d.zh, en: d.en, unit: "%", compute: (f) => (f[d.flow] / f.gdp) * 100 };
  }
  for (const c of FLOW_COLUMNS) out[c] = { ...COLUMN_LABELS[c], unit: "亿元", compute: (f) => f[c] };
  return out;
})();

export function isFeatureName(name: string): name is FeatureName {
  return (FEATURE_NAMES as readonly string[]).includes(name);
}

/** Throws, naming the unknown feature and listing the valid ones, unless every name is a feature. */
export function checkFeatureNames(names: readonly string[]): FeatureName[] {
  if (names.length === 0) throw new RangeError("no features given");
  for (const n of names) {
    if (!isFeatureName(n)) throw new RangeError(`unknown feature "${n}" (valid features: ${FEATURE_NAMES.join(", ")})`);
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new RangeError(`feature "${dup}" is listed twice`);
  return names as FeatureName[];
}

export interface FeatureMatrix {
  /** rows × features */
  X: number[][];
  features: FeatureName[];
  /** province_zh of each row */
  provinces: string[];
}

/** The n × p matrix of the named features, one row per province; throws on a non-finite value. */
export function featureMatrix(rows: readonly ProvinceFlows[], names: readonly string[]): FeatureMatrix {
  const features = checkFeatureNames(names);
  if (rows.length === 0) throw new RangeError("featureMatrix: no rows");
  const X = rows.map((row, i) =>
    features.map((name) => {
      for (const c of FLOW_COLUMNS) {
        if (typeof row[c] !== "number" || !Number.isFinite(row[c])) {
          throw new RangeError(`featureMatrix: row ${i} (${row.province_zh}), column ${c} is ${row[c]}, expected a finite number`);
        }
      }
      const v = FEATURES[name].compute(row);
      if (!Number.isFinite(v)) {
        throw new RangeError(`featureMatrix: row ${i} (${row.province_zh}), feature ${name} is ${v} (check gdp and the flows it divides)`);
      }
      return v;
    }),
  );
  return { X, features, provinces: rows.map((r) => r.province_zh) };
}
