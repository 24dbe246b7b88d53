/**
 * Re-export netting: rows where imports plus inflows exceed the province's own use of the product.
 *
 * The single-region assumption (leontief.ts, `domesticShare`) spreads imports m_i and inflows n_i over local
 * use u_i = Σ_j z_ij + THC_i + FU103_i + GCF_i and takes exports e_i and outflows o_i to be local production.
 * Where m_i + n_i > u_i the province cannot have used all it brought in: the excess
 *     s_i = m_i + n_i − u_i
 * passed through and left again (transit and re-export trade). In 2017 this touches 21 provinces and 134
 * sector rows, 11.0 万亿元 in all; the largest are 重庆 (4.93 万亿元, mostly sectors 03 oil and gas and 11 refined
 * petroleum), 北京 (3.18 万亿元) and 吉林, 上海, 海南. Leaving it in would make d_i = 1 − (m_i + n_i)/u_i
 * negative and the domestic coefficients negative. So s_i is taken out of both sides of the row:
 *
 *   supply side  m'_i = m_i − s_i m_i/(m_i + n_i),   n'_i = n_i − s_i n_i/(m_i + n_i)   ⇒ m'_i + n'_i = u_i, d_i = 0;
 *   use side     e'_i = e_i − s_i e_i/(e_i + o_i),   o'_i = o_i − s_i o_i/(e_i + o_i)   (in proportion to e and o).
 *
 * The row identity x_i = u_i − m_i − n_i + e_i + o_i + ε_i still holds with the primed values, so output and
 * value added are unchanged; only the attribution moves: re-exported goods induce no value added in the
 * province, and the netted exports and outflows are what the province itself produced for them.
 *
 * If s_i > e_i + o_i (in these tables only for products with zero output, where the other column ε_i
 * balances the row), exports and outflows are netted to zero and the remainder s_i − e_i − o_i is taken
 * out of ε_i, which keeps the identity exact. It is reported (`fromOther`).
 */

export interface TradeRow {
  /** local use u_i = TIU + THC + FU103 + GCF */
  localUse: number;
  imports: number;
  inflows: number;
  exports: number;
  outflows: number;
  /** the table's "other" column ERR (ε_i) */
  other: number;
}

export interface NettedSector {
  index: number;
  code: string;
  /** s_i = m_i + n_i − u_i > 0 */
  excess: number;
  /** parts of s_i taken out of exports, outflows and (rarely) the other column; they add up to s_i */
  fromExports: number;
  fromOutflows: number;
  fromOther: number;
  /** the same taken out of imports and inflows (adds up to s_i) */
  fromImports: number;
  fromInflows: number;
}

export interface ReexportNetting {
  /** the rows after netting, same order as the input */
  rows: TradeRow[];
  /** the rows that were netted (s_i > 0), in input order */
  netted: NettedSector[];
}

/**
 * Net re-exports out of every row with m_i + n_i > u_i (s_i = m_i + n_i − u_i, see the module comment).
 * Rows with s_i ≤ 0 are returned unchanged. `codes` name the rows in the result and in errors.
 */
export function netReexports(rows: readonly TradeRow[], codes: readonly string[]): ReexportNetting {
  if (codes.length !== rows.length) throw new Error(`netReexports: ${rows.length} rows but ${codes.length} codes`);
  const out: TradeRow[] = [];
  const netted: NettedSector[] = [];
  rows.forEach((row, i) => {
    let r = row;
    const s = reexportExcess(r);
    if (s <= 0) {
      out.push({ ...r });
      return;
    }
    // The proportional split needs non-negative flows. Workbooks carry float noise such as −5e-10 万元
    // (2017 广西, sector 26 inflows): values above −1e-9 of the row's scale count as 0, anything below is an error.
    const scale = Math.abs(r.localUse) + Math.abs(r.imports) + Math.abs(r.inflows) + Math.abs(r.exports) + Math.abs(r.outflows);
    for (const k of ["imports", "inflows", "exports", "outflows", "localUse"] as const)
      if (!(r[k] >= -1e-9 * scale))
        throw new Error(`netReexports: row ${codes[i]} has ${k} ${r[k]} < 0; the proportional netting needs non-negative flows and local use`);
    r = { ...r, imports: Math.max(r.imports, 0), inflows: Math.max(r.inflows, 0), exports: Math.max(r.exports, 0), outflows: Math.max(r.outflows, 0) };
    const external = r.imports + r.inflows; // > u_i ≥ … so > 0 here
    const traded = r.exports + r.outflows;
    const fromTrade = Math.min(s, traded);
    const fromExports = traded > 0 ? (fromTrade * r.exports) / traded : 0;
    const fromOutflows = fromTrade - fromExports;
    const fromOther = s - fromTrade;
    const fromImports = (s * r.imports) / external;
    const fromInflows = s - fromImports;
    out.push({
      localUse: r.localUse,
      imports: r.imports - fromImports,
      inflows: r.inflows - fromInflows,
      exports: r.exports - fromExports,
      outflows: r.outflows - fromOutflows,
      other: r.other - fromOther,
    });
    netted.push({ index: i, code: codes[i], excess: s, fromExports, fromOutflows, fromOther, fromImports, fromInflows });
  });
  return { rows: out, netted };
}

/** s_i = max(0, m_i + n_i − u_i): imports and inflows beyond local use, treated as re-exported. */
export function reexportExcess(r: TradeRow): number {
  return Math.max(0, r.imports + r.inflows - r.localUse);
}
