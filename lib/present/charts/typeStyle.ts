/**
 * How the seven types look in every chart and map: one colour (Okabe & Ito's colour-blind-safe qualitative palette,
 * black left out), one marker symbol and a tag short enough for narrow groups of bars, per type, in Table 1's order
 * (lib/paper/provinces.ts TYPES).
 */
import type { Bilingual } from "../../core/text";
import type { TypeZh } from "../../paper/provinces";

interface TypeStyle {
  colour: string;
  symbol: string;
  tag: Bilingual;
}

const TYPE_STYLE: Readonly<Record<TypeZh, TypeStyle>> = {
  双循环经济: { colour: "#D55E00", symbol: "star", tag: { zh: "双循环", en: "Dual-circ." } },
  外向型经济: { colour: "#0072B2", symbol: "diamond", tag: { zh: "外向型", en: "Export-oriented" } },
  自洽型经济: { colour: "#009E73", symbol: "square", tag: { zh: "自洽型", en: "Self-consistent" } },
  均衡型经济: { colour: "#E69F00", symbol: "circle", tag: { zh: "均衡型", en: "Balanced" } },
  内贸型经济: { colour: "#56B4E9", symbol: "triangle-up", tag: { zh: "内贸型", en: "Domestic-trade" } },
  沿边型经济: { colour: "#CC79A7", symbol: "cross", tag: { zh: "沿边型", en: "Border" } },
  输入型经济: { colour: "#F0E442", symbol: "x", tag: { zh: "输入型", en: "Inflow-dep." } },
};

const each = <T>(f: (s: TypeStyle) => T) =>
  Object.fromEntries(Object.entries(TYPE_STYLE).map(([t, s]) => [t, f(s)])) as Record<TypeZh, T>;

/** The colour of each type. */
export const TYPE_COLOURS: Readonly<Record<TypeZh, string>> = each((s) => s.colour);
/** The marker symbol of each type. */
export const TYPE_SYMBOLS: Readonly<Record<TypeZh, string>> = each((s) => s.symbol);
/** Short type names for labels over narrow groups of bars. */
export const TYPE_SHORT: Readonly<Record<TypeZh, Bilingual>> = each((s) => s.tag);
