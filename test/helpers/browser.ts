/**
 * Headless Chromium for the report tests: Debian's /usr/bin/chromium (or $CHROMIUM_PATH) through playwright-core,
 * with the flags that behave on a closed network (playwright gives each launch a fresh profile). Pages are opened from file:// and any other request is
 * recorded as a failure (charts must work offline).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * The SVG group Plotly draws for one trace: g.trace for most types (bar, scatter, pie, choropleth, box, …), g.hm for
 * a heatmap, g.sankey, g.table, g.parcoords for those. A trace type drawn otherwise needs adding here.
 */
export const TRACE_GROUPS = "g.trace, g.hm, g.sankey, g.table, g.parcoords";

export interface FigureCheck {
  id: string;
  /** Plotly drew its SVG */
  drawn: boolean;
  /** traces in the figure JSON */
  expected: number;
  /** trace groups drawn (TRACE_GROUPS) */
  rendered: number;
  modebar: boolean;
  /** the div's text when Plotly was not available */
  text: string;
}

export interface PageCheck {
  page: Page;
  /** console errors and uncaught exceptions */
  errors: string[];
  /** requests to anything but file: and data: URLs */
  external: string[];
  figures: FigureCheck[];
}

/** Open a report page and wait until every chart is drawn or has given up (its script waits 10 s for Plotly). */
export async function openPage(browser: Browser, file: string): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // a page carries a 4.8 MB plotly.js and dozens of charts: on a busy machine loading it takes well over 30 s
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  const errors: string[] = [];
  const external: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  await page.route(/^(?!file:|data:|blob:)/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page
    .waitForFunction(
      () => [...document.querySelectorAll(".tp-figure")].every((d) => d.querySelector("svg.main-svg") || (d.textContent ?? "").includes("not loaded")),
      null,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  const figures = await page.evaluate((TRACE_GROUPS) =>
    [...document.querySelectorAll<HTMLElement>(".tp-figure")].map((d) => {
      const gd = d as HTMLElement & { data?: unknown[] };
      return {
        id: d.id,
        drawn: d.querySelector("svg.main-svg") !== null,
        expected: gd.data?.length ?? -1,
        rendered: d.querySelectorAll(TRACE_GROUPS).length,
        modebar: d.querySelector(".modebar-container") !== null,
        text: (d.textContent ?? "").slice(0, 200),
      };
    }),
    TRACE_GROUPS,
  );
  return { page, errors, external, figures };
}

export interface LayoutCheck {
  /** the window's width and the page's (a page wider than the window scrolls sideways as a whole) */
  window: number;
  page: number;
  /** chart texts (titles, axis and tick labels, legends) that reach outside their figure: "figure-id: text (side px)" */
  clippedLabels: string[];
}

/**
 * How a page fits a window of `width`, as a reader opening it there sees it: the page is loaded again at that width
 * and its charts drawn, then measured. Hover labels are left out (they follow the mouse).
 */
export async function checkLayout(page: Page, width: number): Promise<LayoutCheck> {
  await page.setViewportSize({ width, height: 900 });
  await page.reload({ waitUntil: "load" });
  await page
    .waitForFunction(() => [...document.querySelectorAll(".tp-figure")].every((d) => d.querySelector("svg.main-svg")), null, { timeout: 15_000 })
    .catch(() => undefined);
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const fig of document.querySelectorAll<HTMLElement>(".tp-figure")) {
      const b = fig.getBoundingClientRect();
      for (const t of fig.querySelectorAll("text")) {
        if (t.closest(".hoverlayer")) continue;
        const text = (t.textContent ?? "").trim();
        const r = t.getBoundingClientRect();
        if (!text || r.width === 0) continue;
        const out = [
          ["left", b.left - r.left],
          ["right", r.right - b.right],
          ["top", b.top - r.top],
          ["bottom", r.bottom - b.bottom],
        ].filter(([, d]) => (d as number) > 1);
        if (out.length) clipped.push(`${fig.id}: "${text.slice(0, 60)}" (${out.map(([s, d]) => `${s} ${Math.round(d as number)} px`).join(", ")})`);
      }
    }
    return { window: document.documentElement.clientWidth, page: document.documentElement.scrollWidth, clippedLabels: clipped };
  });
}
