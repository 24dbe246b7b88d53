// knip (npm test runs it through test/deadCode.test.ts): no export, file or dependency that nothing uses.
// Entry points are what runs: the CLI (package.json "bin"), the scripts, the tests, and the notebooks' code cells (the compiler below
// hands knip the code of each .ipynb, which imports ./lib/… through the notebooks/lib symlink). The folders'
// index.ts barrels re-export their modules for readers and notebooks; they are not entries, so a module's export
// counts as used only when something imports it.
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: ["scripts/**/*.{ts,mjs,cjs}", "test/**/*.ts", "notebooks/*.ipynb"],
  project: ["lib/**/*.ts", "scripts/**/*.{ts,mjs,cjs}", "test/**/*.ts", "bin/*.js", "notebooks/*.ipynb"],
  ignore: ["lib/**/index.ts"],
  // an export its own module uses is part of that module's interface (documented, tested), not dead code
  ignoreExportsUsedInFile: true,
  // commands the tests and scripts run that are not npm packages
  ignoreBinaries: ["jupyter", "mount", "umount"],
  compilers: {
    ipynb: (text: string) =>
      (JSON.parse(text).cells as { cell_type: string; source: string | string[] }[])
        .filter((c) => c.cell_type === "code")
        .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source).replace(/"\.\/lib\//g, '"../lib/'))
        .join("\n"),
  },
};

export default config;
