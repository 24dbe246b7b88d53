/**
 * The bilingual text every layer uses: labels are printed in Chinese, with English beside (the developers' guide).
 * Analysis modules give their labels as `Bilingual` records; the presentation layer (lib/present/) picks the language
 * of a notebook's LANG parameter with `pick`, or shows both with `bilingual`.
 */

/** The language a reader chose (a notebook's LANG parameter). */
export type Lang = "zh" | "en";

/** A label in both languages: Chinese as the paper prints it, English beside. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A label shown to the reader: the same in both languages, or one per language. */
export type Text = string | Bilingual;

/** The label in `lang`. */
export function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}

/** "中文 / English", the chosen language first. */
export function bilingual(zh: string, en: string, lang: Lang): string {
  return lang === "zh" ? `${zh} / ${en}` : `${en} / ${zh}`;
}
