// Chart builders and the HTML that displays them: pure functions, no browser (test/report.test.ts draws them).
import { describe, expect, it } from "vitest";
import { bar, groupedBar, heatmap, scatter, stackedBar } from "../lib/present/charts/plotly";
import { pick } from "../lib/core/text";
import { escapeHtml, figureHtml, figureId, fnv1a, plotlyBundleHtml, scriptJson, tableHtml } from "../lib/present/display";

const PROVS = [
  { zh: "北京", en: "Beijing" },
  { zh: "上海", en: "Shanghai" },
];

describe("chart builders", () => {
  it("pick chooses the language and passes plain strings through", () => {
    expect(pick({ zh: "外贸", en: "foreign trade" }, "en")).toBe("foreign trade");
    expect(pick({ zh: "外贸", en: "foreign trade" }, "zh")).toBe("外贸");
    expect(pick("GDP", "zh")).toBe("GDP");
  });

  it("bar: labels in the chosen language, values copied, title and axes set", () => {
    const values = [1.5, 2.5];
    const fig = bar({ title: { zh: "外贸依存度", en: "Foreign trade dependence" }, categories: PROVS, values, yTitle: { zh: "%", en: "%" } }, "en");
    expect(fig.data).toEqual([{ type: "bar", name: "Foreign trade dependence", x: ["Beijing", "Shanghai"], y: [1.5, 2.5] }]);
    expect(fig.layout.title).toEqual({ text: "Foreign trade dependence" });
    expect(fig.layout.yaxis).toMatchObject({ title: { text: "%" } });
    values[0] = 99; // the figure does not alias the caller's array
    expect(fig.data[0].y).toEqual([1.5, 2.5]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig); // plain JSON: no functions, no undefined
  });

  it("horizontal bars put categories on the y axis", () => {
    const fig = bar({ title: "t", categories: PROVS, values: [1, 2], horizontal: true }, "zh");
    expect(fig.data[0]).toMatchObject({ orientation: "h", y: ["北京", "上海"], x: [1, 2] });
  });

  it("groupedBar and stackedBar: one trace per series, bar modes group / stack, percent normalisation", () => {
    const series = [
      { name: { zh: "流出", en: "outflow" }, values: [3, 4] },
      { name: { zh: "出口", en: "export" }, values: [1, 2] },
    ];
    const g = groupedBar({ title: "g", categories: PROVS, series }, "zh");
    expect(g.data.map((t) => t.name)).toEqual(["流出", "出口"]);
    expect(g.layout.barmode).toBe("group");
    const s = stackedBar({ title: "s", categories: PROVS, series, percent: true }, "en");
    expect(s.layout).toMatchObject({ barmode: "stack", barnorm: "percent" });
    expect(s.data[1]).toMatchObject({ name: "export", x: ["Beijing", "Shanghai"], y: [1, 2] });
  });

  it("scatter: one trace per group in first-seen order, labels as text", () => {
    const fig = scatter(
      {
        title: "s",
        points: [
          { x: 1, y: 2, label: PROVS[0], group: { zh: "东部", en: "East" } },
          { x: 3, y: 4, label: PROVS[1], group: { zh: "西部", en: "West" } },
          { x: 5, y: 6, label: "X", group: { zh: "东部", en: "East" } },
        ],
      },
      "en",
    );
    expect(fig.data.map((t) => [t.name, t.x, t.y, t.text])).toEqual([
      ["East", [1, 5], [2, 6], ["Beijing", "X"]],
      ["West", [3], [4], ["Shanghai"]],
    ]);
    expect(fig.layout.showlegend).toBe(true);
    expect(scatter({ title: "s", points: [{ x: 1, y: 1 }], showLabels: false }).data[0].mode).toBe("markers");
  });

  it("heatmap: rows top to bottom, a diverging scale symmetric about zero", () => {
    const fig = heatmap({ title: "h", rows: PROVS, columns: ["a", "b"], z: [[1, -3], [2, 0]], diverging: true }, "zh");
    expect(fig.data[0]).toMatchObject({ type: "heatmap", y: ["北京", "上海"], x: ["a", "b"], zmid: 0, zmin: -3, zmax: 3 });
    expect(fig.layout.yaxis).toMatchObject({ autorange: "reversed" });
  });

  it("bad input: one error naming the builder, the series and the position", () => {
    expect(() => bar({ title: "t", categories: PROVS, values: [1, NaN] })).toThrow(/bar: series "t"\[1\] \(上海\) is NaN/);
    expect(() => bar({ title: "t", categories: PROVS, values: [1] })).toThrow(/1 values for 2 categories/);
    expect(() => groupedBar({ title: "t", categories: PROVS, series: [] })).toThrow(/no series/);
    expect(() => scatter({ title: "t", points: [{ x: Infinity, y: 1, label: "p" }] })).toThrow(/x\[0\] \(p\) is Infinity/);
    expect(() => heatmap({ title: "t", rows: ["r"], columns: ["a", "b"], z: [[1]] })).toThrow(/z\[0\] \(r\) has 1 values for 2 columns/);
  });
});

describe("display HTML", () => {
  const EVIL = `<script>window.__pwned=1</script><!-- "'&`;

  it("escapeHtml escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;");
  });

  it("scriptJson cannot close a script element and parses back to the same value", () => {
    const json = scriptJson({ label: EVIL, sep: "\u2028" });
    expect(json).not.toMatch(/<\/script|<!--|\u2028/i);
    expect(JSON.parse(json)).toEqual({ label: EVIL, sep: "\u2028" });
  });

  it("figureHtml embeds data labels without any raw markup from them", () => {
    const fig = bar({ title: EVIL, categories: [EVIL], values: [1] });
    const html = figureHtml(fig, figureId(fig, 1));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain("<!--");
  });

  it("figure ids are deterministic, differ between figures and follow the session counter", () => {
    const a = bar({ title: "a", categories: ["x"], values: [1] });
    const b = bar({ title: "b", categories: ["x"], values: [1] });
    expect(figureId(a, 1)).toBe(figureId(a, 1));
    expect(figureId(a, 1)).not.toBe(figureId(b, 1));
    expect(figureId(a, 1)).not.toBe(figureId(a, 2));
    expect(figureId(a, 3)).toMatch(/^tp-fig-3-[0-9a-f]{8}$/);
  });

  it("fnv1a matches the published FNV-1a 32-bit test vectors", () => {
    // http://www.isthe.com/chongo/src/fnv/test_fnv.c
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(fnv1a("foobar")).toBe("bf9cf968");
  });

  it("the plotly bundle is inlined from node_modules, marked, and cannot end its script early", () => {
    const html = plotlyBundleHtml();
    expect(html.startsWith('<script data-tp-plotly-bundle="plotly.js-dist-min">')).toBe(true);
    expect(html.length).toBeGreaterThan(3_000_000);
    expect(html.indexOf("</script")).toBe(html.length - "</script>".length);
    expect(html).not.toContain("<!--");
    expect(plotlyBundleHtml("var s = '</script><!--';")).toBe(`<script data-tp-plotly-bundle="plotly.js-dist-min">var s = '<\\/script><\\!--';</script>`);
  });

  it("tableHtml escapes headers and cells and right-aligns numbers", () => {
    const html = tableHtml([{ name: EVIL, v: 1.234 }], [{ key: "name", label: { zh: "<b>省</b>", en: "p" } }, { key: "v", digits: 1 }], "zh");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<th>&#60;b&#62;省&#60;/b&#62;</th>");
    expect(html).toContain('<td class="num">1.2</td>');
  });
});
