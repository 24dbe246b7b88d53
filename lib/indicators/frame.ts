/**
 * The paper's method on DataFrames (danfojs, through ./danfo.ts): the frame of province flows, the five ratios and
 * the shares as new columns by column arithmetic, and the paper's tables by groupby-sum — sum the flows of each
 * group, then divide. The plain-array functions (./ratios.ts, ./aggregate.ts) stay the fast path for clustering and
 * are the oracle: test/frames.test.ts checks that both give the same numbers, to the last bit, for every table.
 */
import type { ProvinceFlows } from "../data/provinceFlows";
import { FLOW_COLUMNS, SHARE_COLUMNS, type Flows } from "../paper/columns";
import type { LayoutRow } from "../paper/groupings";
import { province } from "../paper/provinces";
import { TABLE_COLUMNS } from "./aggregate";
import { columnSums, frameOf, groupSum, rowsWith, stackRows, type DataFrame } from "./danfo";

/** One row per province: province_zh and the six flows (亿元). */
export function flowFrame(data: readonly ProvinceFlows[]): DataFrame {
  return frameOf<ProvinceFlows>(data, ["province_zh", ...FLOW_COLUMNS]);
}

/**
 * The five ratios as new columns, by column arithmetic (X exports, M imports, O outflow, I inflow, Y GDP):
 * trade_ratio = (O + I)/(X + M), ftd = (X + M)/Y × 100, dtd = (O + I)/Y × 100, outflow_rate = (X + O)/Y × 100,
 * inflow_rate = (M + I)/Y × 100.
 */
export function withRatios(df: DataFrame): DataFrame {
  const [X, M, O, I, Y] = (["export", "import", "outflow", "inflow", "gdp"] as const).map((c) => df[c]);
  const out = df.copy();
  out.addColumn("trade_ratio", O.add(I).div(X.add(M)), { inplace: true });
  out.addColumn("ftd", X.add(M).div(Y).mul(100), { inplace: true });
  out.addColumn("dtd", O.add(I).div(Y).mul(100), { inplace: true });
  out.addColumn("outflow_rate", X.add(O).div(Y).mul(100), { inplace: true });
  out.addColumn("inflow_rate", M.add(I).div(Y).mul(100), { inplace: true });
  return out;
}

/** Shares of the national total as new columns: share_x = x / national x × 100 for each flow. */
export function withShares(df: DataFrame, national: Flows): DataFrame {
  const out = df.copy();
  for (const c of SHARE_COLUMNS) {
    const flow = c.slice("share_".length) as keyof Flows;
    out.addColumn(c, df[flow].div(national[flow]).mul(100), { inplace: true });
  }
  return out;
}

/** The national flows: each flow summed over the provinces of the frame. */
export function nationalFlows(flows: DataFrame): Flows {
  return columnSums(flows, FLOW_COLUMNS) as unknown as Flows;
}

/** Each layout row's members, one frame row per (group, province), with the province's flows; groups may overlap. */
export function membershipFrame(flows: DataFrame, layout: readonly LayoutRow[]): DataFrame {
  return stackRows(
    layout.map((row) => {
      const members = rowsWith(flows, "province_zh", row.members);
      members.addColumn("group_zh", Array(row.members.length).fill(row.zh), { inplace: true });
      return members;
    }),
  );
}

/**
 * A table in the paper's layout by frames: the members' flows summed per group (groupby-sum), then the ratios of the
 * sums and the shares of the national total (all provinces of `flows`, or `whole`). Columns as lib/indicators/aggregate.ts
 * TABLE_COLUMNS, rows in layout order.
 */
export function tableFrame(flows: DataFrame, layout: readonly LayoutRow[], whole?: Flows): DataFrame {
  const summed = groupSum(membershipFrame(flows, layout), "group_zh", FLOW_COLUMNS);
  const ordered = rowsWith(summed, "group_zh", layout.map((r) => r.zh));
  ordered.addColumn("group_en", layout.map((r) => r.en), { inplace: true });
  const table = withShares(withRatios(ordered), whole ?? nationalFlows(flows));
  return table.loc({ columns: [...TABLE_COLUMNS] });
}

/** Per-province indicators by frames: province_zh, group_en (its English name), flows, the five ratios and the shares. */
export function indicatorFrame(flows: DataFrame, whole?: Flows): DataFrame {
  const named = flows.copy();
  named.addColumn("group_en", (flows["province_zh"].values as string[]).map((p) => province(p).en), { inplace: true });
  const table = withShares(withRatios(named), whole ?? nationalFlows(flows));
  return table.loc({ columns: ["province_zh", ...TABLE_COLUMNS.slice(1)] });
}

