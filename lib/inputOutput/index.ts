/**
 * The input-output model of section 四: the Leontief inverse, value added induced by each final-demand
 * component, re-export netting, exposure of GDP to the two circulations, multipliers, sector groups.
 * Imports: core/, paper/, data/, indicators/.
 *
 * Modules:
 * - decompose: Value added induced by each final-demand component, per province (single-region Leontief model).
 * - exposure: Exposure of a province's GDP to the two circulations, measured by value added rather than gross flows.
 * - grossFlows: The gross flows the paper's ratios are computed from, for the table year the value-added analysis uses.
 * - leontief: Single-region input-output algebra (the demand-driven Leontief model), as small pure functions in the
 * - multipliers: Output and value-added multipliers of a province's exports, outflows and local demand.
 * - provinceValueAdded: Everything the value-added notebook reads about one province's table, computed once: the decomposition of its
 * - reexport: Re-export netting: rows where imports plus inflows exceed the province's own use of the product.
 * - reexportSummary: Which provinces and products the re-export netting touches (lib/inputOutput/reexport.ts): rows where imports plus inflows
 * - sectorGroups: Groups of the 42 products (lib/data/sectors.ts codes) that the paper's sector statements name — 能源 energy,
 */
export * from "./decompose";
export * from "./exposure";
export * from "./grossFlows";
export * from "./leontief";
export * from "./multipliers";
export * from "./provinceValueAdded";
export * from "./reexport";
export * from "./reexportSummary";
export * from "./sectorGroups";
