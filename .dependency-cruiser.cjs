// The layers of lib/ (README "Layout"), checked by `npm test` (test/layers.test.ts runs depcruise with this file).
//
// Imports run one way, from a layer to the layers below it:
//
//   core ← paper ← data ← indicators ← inputOutput ← typology ← checks ← present ← cli
//   core ← cluster ← typology
//
// core: CSV, files, paths, seeds, the bilingual text type. paper: the paper's provinces, groupings, columns, printed
// tables and text. data: the workbooks → tidy flows, GDP recovery, editions, anomalies. indicators: ratios, shares,
// aggregation, time series. inputOutput: Leontief, decomposition, value added. cluster: clustering algorithms (on
// matrices; they know nothing of provinces). typology: the seven types against the clusterings. checks: the paper's
// numbers and sentences against the data. present: charts, tables, display. cli: the trade-patterns command.
// Analysis (everything below present) never imports charts or display.
const LAYERS = ["core", "paper", "data", "indicators", "inputOutput", "typology", "checks", "present", "cli"];

/** The folders a layer may import from besides itself. */
const allowed = Object.fromEntries(LAYERS.map((layer, i) => [layer, LAYERS.slice(0, i)]));
allowed.cluster = ["core"];
allowed.typology = [...allowed.typology, "cluster"];
for (const layer of LAYERS.slice(LAYERS.indexOf("typology") + 1)) allowed[layer].push("cluster");

const ALL = Object.keys(allowed);

module.exports = {
  forbidden: [
    ...ALL.map((layer) => ({
      name: `layer-${layer}`,
      comment: `lib/${layer}/ imports only from ${allowed[layer].length ? allowed[layer].map((l) => `lib/${l}/`).join(", ") : "itself"} (and itself)`,
      severity: "error",
      from: { path: `^lib/${layer}/` },
      to: { path: `^lib/(?!(?:${[layer, ...allowed[layer]].join("|")})/)` },
    })),
    {
      name: "lib-in-layers",
      comment: "every lib file lives in the folder of its layer",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: `^lib/(?!(?:${ALL.join("|")})/)` },
    },
    {
      name: "lib-not-tools",
      comment: "the library does not import the scripts or the tests",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(scripts|test)/" },
    },
    {
      name: "no-cycles",
      comment: "no module imports itself through others",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-orphans",
      comment: "every lib module is imported by something (a module, a notebook's index or a test)",
      severity: "error",
      from: { orphan: true, path: "^lib/", pathNot: "/index\\.ts$" },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
