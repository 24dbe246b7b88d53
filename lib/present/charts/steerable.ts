/**
 * Charts the reader steers without a kernel: one Plotly figure that holds several precomputed states of a chart
 * (k = 2 … 10, noise levels, indicators, years) and a slider or dropdown that switches between them in the page.
 *
 * Each state is a Plotly frame: attribute updates for some of the figure's traces (their `z`, `x`, `text`, …) and for
 * the layout (the title); the control's steps call Plotly.animate on a frame with no transition, which plotly.js does
 * on its own — in the executed notebook in JupyterLab or Notebook, in the offline report, in any browser — so nothing
 * is recomputed and no kernel is needed. The figure says so: a note "precomputed" above the plot names the states.
 * The figure's traces stay the same ones in every state (only their data change), so every trace is drawn in every
 * state. lib/present/display.ts passes the frames to Plotly.newPlot.
 */
import { type Figure } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

/** One precomputed state. */
export interface SteerState {
  /** its label on the slider or in the dropdown */
  label: Text;
  /** attribute updates, one object per steered trace (in the order of SteerSpec.traces) */
  data: Record<string, unknown>[];
  /** layout updates in this state (e.g. its title) */
  layout?: Record<string, unknown>;
}

export interface SteerSpec {
  /** indices of the figure's traces that the states update */
  traces: readonly number[];
  states: readonly SteerState[];
  /** a slider for an ordered parameter (k, a noise level, a year), a dropdown for a choice (an indicator) */
  control: "slider" | "dropdown";
  /** what is steered, e.g. { zh: "聚类数 k", en: "number of clusters k" } */
  name: Text;
  /** the state shown first (default 0) */
  active?: number;
  /** pixels between the bottom of the plot area and the slider: room for what the chart draws there (axis ticks and
   * title: the default 70; a colour bar or long rotated labels need more) */
  below?: number;
}

export interface Frame {
  name: string;
  data: Record<string, unknown>[];
  traces: number[];
  layout?: Record<string, unknown>;
}

export type SteerableFigure = Figure & { frames: Frame[] };

function fail(message: string): never {
  throw new Error(`steerable: ${message}`);
}

/** The frame name of state i. */
export function stateName(i: number): string {
  return `state-${i}`;
}

/** What Plotly.animate is called with for state i: jump there at once, redrawing (heatmaps and maps need it). */
function animateArgs(i: number): unknown[] {
  return [[stateName(i)], { mode: "immediate", frame: { duration: 0, redraw: true }, transition: { duration: 0 } }];
}

/**
 * `base` with the states as frames and a control to switch them; the steered traces start in state `active`
 * (their attributes from that state's data) and the note "precomputed" is added above the plot.
 */
export function steerable(base: Figure, spec: SteerSpec, lang: Lang = "zh"): SteerableFigure {
  const { traces, states } = spec;
  const active = spec.active ?? 0;
  if (states.length < 2) fail(`${states.length} state(s): a control needs at least two`);
  if (traces.length === 0) fail("no traces to steer");
  for (const t of traces) if (!Number.isInteger(t) || t < 0 || t >= base.data.length) fail(`trace ${t} is not one of the figure's ${base.data.length}`);
  if (!Number.isInteger(active) || active < 0 || active >= states.length) fail(`active state ${active} is not one of ${states.length}`);
  states.forEach((s, i) => {
    if (s.data.length !== traces.length) fail(`state ${i} (${pick(s.label, lang)}) updates ${s.data.length} traces, not ${traces.length}`);
  });
  const data = base.data.map((trace, i) => {
    const at = traces.indexOf(i);
    return at < 0 ? trace : { ...trace, ...states[active].data[at] };
  });
  const labels = states.map((s) => pick(s.label, lang));
  const name = pick(spec.name, lang);
  const text =
    lang === "zh"
      ? `预先计算的 ${states.length} 种状态（${labels[0]} … ${labels[labels.length - 1]}），${spec.control === "slider" ? "拖动滑块" : "在下拉菜单中"}切换${name}，无需运行内核`
      : `${states.length} precomputed states (${labels[0]} … ${labels[labels.length - 1]}): ${spec.control === "slider" ? "drag the slider" : "pick from the menu"} to change the ${name}; no kernel needed`;
  const note = { text, xref: "paper", yref: "paper", x: 0, y: 1, yshift: 6, xanchor: "left", yanchor: "bottom", showarrow: false, font: { size: 11, color: "#656d76" } };
  // a state that sets annotations replaces them all: the note goes with it
  const withNote = (l: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
    l && Array.isArray(l.annotations) ? { ...l, annotations: [...(l.annotations as unknown[]), note] } : l;
  const frames: Frame[] = states.map((s, i) => {
    const layout = withNote(s.layout);
    return { name: stateName(i), data: s.data, traces: [...traces], ...(layout ? { layout } : {}) };
  });
  const first = states[active].layout ?? {};
  const layout: Record<string, unknown> = { ...base.layout, ...first };
  const annotations = Array.isArray(first.annotations) ? first.annotations : Array.isArray(base.layout.annotations) ? base.layout.annotations : [];
  layout.annotations = [...(annotations as unknown[]), note];
  const margin = { t: 60, r: 20, b: 80, l: 70, ...((base.layout.margin as Record<string, number>) ?? {}) };
  if (spec.control === "slider") {
    const below = spec.below ?? 70;
    // the slider (its current value, rail and labels: ~100 px) under whatever the chart draws below its plot area
    const b = Math.max(margin.b, below + 100);
    layout.margin = { ...margin, b };
    const height = (typeof layout.height === "number" ? (layout.height as number) : 460) + (b - margin.b);
    layout.height = height;
    const plotHeight = height - margin.t - b;
    layout.sliders = [
      {
        active,
        currentvalue: { prefix: `${name}: `, visible: true, font: { size: 13 } },
        pad: { t: 0, b: 10 },
        len: 0.9,
        x: 0.05,
        y: -below / plotHeight,
        yanchor: "top",
        steps: labels.map((label, i) => ({ label, method: "animate", args: animateArgs(i) })),
      },
    ];
  } else {
    layout.updatemenus = [
      {
        type: "dropdown",
        active,
        direction: "down",
        showactive: true,
        x: 0,
        xanchor: "left",
        y: 1,
        yanchor: "bottom",
        pad: { t: 0, b: 28 },
        buttons: labels.map((label, i) => ({ label, method: "animate", args: animateArgs(i) })),
      },
    ];
    layout.margin = { ...margin, t: margin.t + 50 };
    if (typeof layout.height === "number") layout.height = (layout.height as number) + 50;
  }
  return { data, layout, config: base.config, frames };
}
