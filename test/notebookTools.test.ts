// The reproduce machinery without a kernel: parameters, manifest, markdown, report pages, error detection.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findErrorInOutputs, formatCellError } from "../scripts/notebook/execute";
import ts from "typescript";
import { findCell, joinText, type Cell, type Notebook } from "../scripts/notebook/ipynb";
import { readManifest, resolveManifest } from "../scripts/notebook/manifest";
import { markdownToHtml, safeUrl } from "../scripts/notebook/markdown";
import { envParams, injectParameters, overridesFor, parseEnvValue, parseParameters } from "../scripts/notebook/params";
import { renderIndex, renderNotebookPage, renderOutput } from "../scripts/notebook/report";
import { plan } from "../scripts/reproduce";

const PARAMS = `// defaults
const K: number = 7;
const LANG: "zh" | "en" = "zh";
let SEED = 42;
const FEATURES = ["ftd", "dtd"];
const EDITION = "paper";`;

function nb(cells: Partial<Cell>[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab" } },
    cells: cells.map((c) => ({ cell_type: "code", source: "", metadata: {}, outputs: [], ...c }) as Cell),
  };
}

describe("parameters", () => {
  const decls = parseParameters(PARAMS);

  it("reads each declaration's name, keyword, written type and kind of default", () => {
    expect(decls).toEqual([
      { name: "K", keyword: "const", type: "number", kind: "number" },
      { name: "LANG", keyword: "const", type: '"zh" | "en"', kind: "string" },
      { name: "SEED", keyword: "let", type: null, kind: "number" },
      { name: "FEATURES", keyword: "const", type: null, kind: "array" },
      { name: "EDITION", keyword: "const", type: null, kind: "string" },
    ]);
  });

  it("environment values: JSON, except plain text for string parameters", () => {
    const byName = Object.fromEntries(decls.map((d) => [d.name, d]));
    expect(parseEnvValue(byName.K, "5")).toBe(5);
    expect(parseEnvValue(byName.LANG, "en")).toBe("en");
    expect(parseEnvValue(byName.LANG, '"en"')).toBe("en");
    expect(parseEnvValue(byName.FEATURES, '["ftd"]')).toEqual(["ftd"]);
    expect(() => parseEnvValue(byName.K, "five")).toThrow(/TP_K=five: not a valid JSON number for parameter K/);
  });

  it("environment beats the notebook's entry, which beats '*'", () => {
    const env = envParams({ TP_K: "5", TP_OTHER: "1", PATH: "/bin" });
    expect([...env.keys()]).toEqual(["K", "OTHER"]);
    const file = { "*": { K: 1, SEED: 2, NOT_HERE: 3 }, "01_x": { SEED: 9, FEATURES: ["a"] } };
    const o = overridesFor("01_x", decls, file, env, "p.json");
    expect(o).toEqual([
      { name: "K", value: 5, source: "TP_K" },
      { name: "SEED", value: 9, source: "p.json" },
      { name: "FEATURES", value: ["a"], source: "p.json" },
    ]);
  });

  it("a name the notebook does not declare is an error naming the notebook and its parameters", () => {
    expect(() => overridesFor("01_x", decls, { "01_x": { KK: 1 } }, new Map(), "p.json")).toThrow(
      "p.json: notebook 01_x has no parameter KK (its parameters: K, LANG, SEED, FEATURES, EDITION)",
    );
  });

  it("injects a cell after the parameters cell, repeating declared types and widening literals", () => {
    const book = nb([
      { cell_type: "markdown", source: "# t" },
      { source: PARAMS, metadata: { tags: ["parameters"] } },
      { source: "console.log(K)" },
    ]);
    const o = overridesFor("n", decls, { n: { K: 3, LANG: "en", SEED: 1, FEATURES: ["x", "</script>"], EDITION: "tables" } }, new Map(), "p.json");
    const out = injectParameters(book, "n", o, decls);
    expect(out.cells.map((c) => c.metadata.tags ?? [])).toEqual([[], ["parameters"], ["injected-parameters"], []]);
    expect(out.cells[2].source).toBe(
      [
        "// injected by `npm run reproduce`: these values replace the defaults above",
        'const K: number = 3; // from "p.json"',
        'const LANG: "zh" | "en" = "en"; // from "p.json"',
        'let SEED: number = 1; // from "p.json"',
        'const FEATURES = ["x","</script>"]; // from "p.json"',
        'const EDITION: string = "tables"; // from "p.json"',
      ].join("\n"),
    );
    expect(book.cells).toHaveLength(3); // the input is not modified
  });

  it("a params file name or value never becomes code: the injected cell holds only the declarations", () => {
    const book = nb([{ source: PARAMS, metadata: { tags: ["parameters"] } }]);
    // a newline ends a // comment; so do U+2028 and U+2029 in JavaScript
    for (const evil of ["p\nprocess.exit(3)//.json", "p\u2028process.exit(3)//.json", "p\u2029globalThis.x = 1;//.json", "p\r\nthrow 1;.json"]) {
      const o = overridesFor("n", decls, { n: { K: 3, LANG: "en\u2028process.exit(4)", FEATURES: ["a\nb"] } }, new Map(), evil);
      const source = joinText(injectParameters(book, "n", o, decls).cells[1].source);
      const file = ts.createSourceFile("injected.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      // three variable statements, nothing else; the comment is the escaped file name
      expect(file.statements.map((st) => ts.isVariableStatement(st))).toEqual([true, true, true]);
      expect(source.split("\n")).toHaveLength(4);
      expect(source).toContain(`// from ${JSON.stringify(evil).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}`);
    }
  });

  it("refuses values JSON would change or an object literal would read differently", () => {
    const book = nb([{ source: "const K: number = 1;\nconst O: object = {};", metadata: { tags: ["parameters"] } }]);
    const d = parseParameters("const K: number = 1;\nconst O: object = {};");
    const inject = (values: Record<string, unknown>) => () => injectParameters(book, "n", overridesFor("n", d, { n: values }, new Map(), "p.json"), d);
    expect(inject({ K: JSON.parse("1e400") })).toThrow("p.json: parameter K: Infinity is not a finite number");
    expect(inject({ O: JSON.parse('{"__proto__": {"polluted": 1}}') })).toThrow('p.json: parameter O: the key "__proto__" is not allowed');
    expect(inject({ O: { a: [1, -Infinity] } })).toThrow("p.json: parameter O.a[1]: -Infinity is not a finite number");
  });

  it("plan refuses a notebook name that could carry markup, a URL scheme or a path into the report", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-names-"));
    for (const bad of ["javascript:alert(1).ipynb", "a b.ipynb", '<x>".ipynb', ".hidden.ipynb", "a\nb.ipynb"]) {
      const file = join(dir, bad);
      writeFileSync(file, JSON.stringify(nb([])));
      expect(() => plan([file], null, "p.json", {})).toThrow(/a notebook name may hold only letters, digits/);
    }
    const ok = join(dir, "01_数据-v2.ipynb");
    writeFileSync(ok, JSON.stringify(nb([])));
    expect(plan([ok], null, "p.json", {}).planned[0].name).toBe("01_数据-v2");
  });

  it("overrides for a notebook without a parameters cell are refused", () => {
    expect(() => injectParameters(nb([{ source: "const K = 1;" }]), "n", [{ name: "K", value: 2, source: "TP_K" }], decls)).toThrow(/no cell tagged "parameters"/);
  });

  it("plan refuses a params file naming a notebook that is not in the run", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-plan-"));
    const file = join(dir, "01_x.ipynb");
    writeFileSync(file, JSON.stringify(nb([{ source: "const K: number = 1;", metadata: { tags: ["parameters"] } }])));
    expect(() => plan([file], { "02_y": { K: 2 } }, "p.json", {})).toThrow(/p.json: no notebook named 02_y/);
    expect(() => plan([file], { "*": { Q: 2 } }, "p.json", {})).toThrow(/no notebook has a parameter Q/);
    const p = plan([file], null, "p.json", { TP_K: "4", TP_PYTHON: "/usr/bin/python3", TP_ZZ: "1" });
    expect(p.planned[0].overrides).toEqual([{ name: "K", value: 4, source: "TP_K" }]);
    expect(p.unusedEnv).toEqual(["TP_ZZ"]); // TP_PYTHON configures the tools, it is not a parameter
  });
});

describe("manifest", () => {
  function write(data: unknown): string {
    const file = join(mkdtempSync(join(tmpdir(), "tp-manifest-")), "manifest.json");
    writeFileSync(file, JSON.stringify(data));
    return file;
  }
  const entry = { ref: "表1", kind: "table", zh: "模式", notebook: "01_x", cell: "table-1" };

  it("finds cells by tag, then by id, and reports missing notebooks and cells", () => {
    const book = nb([{ id: "abc", source: "1" }, { source: "2", metadata: { tags: ["table-1"] } }]);
    expect(findCell(book, "table-1")).toBe(1);
    expect(findCell(book, "abc")).toBe(0);
    const entries = readManifest(write({ entries: [entry] }));
    expect(resolveManifest(entries, new Map([["01_x", book]]))[0].cellIndex).toBe(1);
    expect(() => resolveManifest(entries, new Map())).toThrow(/names notebook "01_x", which does not exist/);
    expect(resolveManifest(entries, new Map(), true)).toEqual([]);
    expect(() => resolveManifest(readManifest(write({ entries: [{ ...entry, cell: "nope" }] })), new Map([["01_x", book]]))).toThrow(/no cell tagged or with id "nope"/);
  });

  it("rejects malformed entries naming the entry and the field", () => {
    expect(() => readManifest(write({ entries: [{ ...entry, kind: "chart" }] }))).toThrow(/entries\[0\] \(表1\): "kind" must be one of/);
    expect(() => readManifest(write({ entries: [{ ...entry, cell: "" }] }))).toThrow(/"cell" must be a non-empty string/);
    expect(() => readManifest(write({ entries: [{ ...entry, zh: undefined }] }))).toThrow(/give "zh" or "en"/);
    expect(() => readManifest(write({ entries: [{ ...entry, cells: "x" }] }))).toThrow(/unknown field "cells"/);
    expect(readManifest("/nonexistent/manifest.json")).toEqual([]);
  });
});

describe("markdown", () => {
  it("renders the common blocks", () => {
    const html = markdownToHtml("# 表1\n\nSome **bold**, *em*, `code`.\n\n- a\n- b\n\n| 省 | 值 |\n|---|--:|\n| 北京 | 1 |\n\n```ts\nconst x = 1;\n```");
    expect(html).toBe(
      [
        "<h1>表1</h1>",
        "<p>Some <strong>bold</strong>, <em>em</em>, <code>code</code>.</p>",
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>",
        '<table>\n<thead><tr><th>省</th><th style="text-align:right">值</th></tr></thead>\n<tbody>\n<tr><td>北京</td><td style="text-align:right">1</td></tr>\n</tbody>\n</table>',
        '<pre><code class="language-ts">const x = 1;</code></pre>',
      ].join("\n"),
    );
  });

  it("never lets raw HTML or script URLs through", () => {
    const html = markdownToHtml('<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:text/html,x) `<b>`');
    expect(html).not.toMatch(/<script|<img|href="javascript|src="data:text/i);
    expect(safeUrl("https://example.org/a_b")).toBe("https://example.org/a_b");
    expect(safeUrl("../tables/table1.csv")).toBe("../tables/table1.csv");
    expect(safeUrl("#cell-3")).toBe("#cell-3");
    expect(safeUrl("vbscript:x")).toBeNull();
  });

  it("typesets $…$ and $$…$$ with KaTeX: subscripts are not emphasis, code spans and prices stay text", () => {
    const html = markdownToHtml("stability $s_i = \\operatorname{mean}_{j} M_{ij}$ and $d_i$; `$x$` costs $5 and $6, or \\$7");
    // two inline formulas, each as KaTeX HTML with its MathML (the TeX kept as annotation)
    expect(html.match(/<span class="katex">/g)).toHaveLength(2);
    expect(html).toContain('<annotation encoding="application/x-tex">s_i = \\operatorname{mean}_{j} M_{ij}</annotation>');
    expect(html).not.toContain("<em>");
    expect(html).toContain("<code>$x$</code>");
    expect(html).toContain("costs $5 and $6, or $7");
    const display = markdownToHtml("$$VA_k = v\\,L\\,f_k,\\qquad k\\in\\{\\text{出口 exports}\\}$$");
    expect(display).toContain('<span class="katex-display">');
    expect(display).toContain("出口 exports");
    expect(display).not.toContain("$$");
  });

  it("a formula KaTeX cannot read is an error naming it", () => {
    expect(() => markdownToHtml("see $\\frac{1}{$ here")).toThrow(/cannot typeset the formula \$\\frac\{1\}\{\$/);
  });
});

describe("report pages", () => {
  const EVIL = "<script>window.__pwned=1</script>";

  it("escapes code, stream text and plain text; keeps HTML outputs; drops the inlined plotly bundle", () => {
    const book = nb([
      { source: `const s = "${EVIL}";`, execution_count: 1, outputs: [{ output_type: "stream", name: "stdout", text: [EVIL, "\n"] }] },
      { source: "x", outputs: [{ output_type: "execute_result", data: { "text/plain": EVIL } }] },
      {
        source: "show(fig)",
        outputs: [{ output_type: "display_data", data: { "text/html": '<script data-tp-plotly-bundle="plotly.js-dist-min">var Plotly = 1;</script>\n<div class="tp-figure" id="f"></div>' } }],
      },
      { cell_type: "markdown", source: `# Title ${EVIL}` },
    ]);
    const html = renderNotebookPage(book, "01_x", { index: "index.html" });
    expect(html).not.toContain(EVIL);
    expect(html).not.toContain("var Plotly = 1");
    expect(html).toContain('<div class="tp-figure" id="f"></div>');
    expect(html).toContain('<script src="assets/plotly.min.js"></script>');
    expect(html).toContain('id="cell-3"');
    expect(html).toContain("In [1]");
  });

  it("a page without charts does not load plotly", () => {
    expect(renderNotebookPage(nb([{ source: "1" }]), "n", { index: "index.html" })).not.toContain("plotly.min.js");
  });

  it("renders stderr and error outputs as text", () => {
    expect(renderOutput({ output_type: "stream", name: "stderr", text: "\x1b[31m<b>x</b>\x1b[0m" }).html).toBe('<pre class="stream stderr">&#60;b&#62;x&#60;/b&#62;</pre>');
  });

  it("the index links each manifest entry to its notebook cell and escapes manifest text", () => {
    const html = renderIndex({
      title: "T",
      notebooks: [{ name: "01_x", title: EVIL, cells: 3, seconds: 1.25, overrides: [] }],
      entries: [{ ref: EVIL, kind: "table", zh: "模式", notebook: "01_x", cell: "t1", cellIndex: 4, csv: "table1.csv" }],
      tables: ["table1.csv"],
    });
    expect(html).not.toContain(EVIL);
    expect(html).toContain('<a href="01_x.html#cell-5">cell 5</a>');
    expect(html).toContain('<a href="../tables/table1.csv">table1.csv</a>');
  });
});

describe("cell error detection", () => {
  it("finds tslab's text for asynchronous errors in stderr and names the cell", () => {
    const book = nb([
      { source: "ok", outputs: [{ output_type: "stream", name: "stderr", text: "a warning, not an error\n" }] },
      { source: "\n  setTimeout(boom)\nmore", execution_count: 2, outputs: [{ output_type: "stream", name: "stderr", text: "UncaughtException: Error: late\n    at x (evalmachine.<anonymous>:1:1)\n    at y (/r/node_modules/tslab/dist/executor.js:1:1)\n" }] },
    ]);
    const e = findErrorInOutputs(book)!;
    expect(e).toMatchObject({ index: 1, number: 2, executionCount: 2, firstLine: "  setTimeout(boom)" });
    const msg = formatCellError("notebooks/01_x.ipynb", e);
    expect(msg.split("\n")[0]).toBe("notebooks/01_x.ipynb: cell 2 (In [2]) failed: an asynchronous error was reported while this cell ran");
    expect(msg).toContain("evalmachine");
    expect(msg).not.toContain("node_modules/tslab"); // tslab's own frames are dropped
    expect(findErrorInOutputs(nb([{ source: "ok", outputs: [{ output_type: "stream", name: "stderr", text: "UnhandledPromiseRejection: x" }] }]))?.index).toBe(0);
    expect(findErrorInOutputs(nb([{ source: "ok", outputs: [{ output_type: "stream", name: "stderr", text: "warning" }] }]))).toBeNull();
  });
});
