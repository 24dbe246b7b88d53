/**
 * The recommendations of section 四 (中国各地区融入新发展格局的对策建议) as records: data/paper/recommendations.csv, one
 * row per recommendation (columns: data/paper/README.md) — where in section 四, whom it addresses, the sentence
 * verbatim and our English. The evidence each is read beside is lib/checks/policy.ts's (data/paper/recommendation_evidence.csv).
 */
import { InputError, readExactCsv } from "../core/csv";
import { dataPath } from "../core/paths";

export const TARGET_KINDS = ["national", "type", "region", "provinces"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface RecommendationRecord {
  id: string;
  /** where in section 四: "四" (its opening), "四.1.一" (subsection 1, point 一), … */
  section: string;
  target_kind: TargetKind;
  /** the group addressed: 全国, a type, a region, or provinces named together ("陕西、河南") */
  target_zh: string;
  target_en: string;
  /** verbatim from the paper (whitespace of the extracted text removed) */
  recommendation_zh: string;
  recommendation_en: string;
}

export const RECOMMENDATIONS_HEADER = ["id", "section", "target_kind", "target_zh", "target_en", "recommendation_zh", "recommendation_en"] as const;

/** Read and validate a recommendations file (data/paper/recommendations.csv by default). */
export function readRecommendationRecords(file = dataPath("paper", "recommendations.csv")): RecommendationRecord[] {
  const seen = new Set<string>();
  return readExactCsv(file, RECOMMENDATIONS_HEADER).map(({ row, cells }) => {
    const [id, section, target_kind, target_zh, target_en, recommendation_zh, recommendation_en] = cells;
    const bad = (col: string, problem: string) => new InputError(file, row, col, problem);
    if (!/^R\d+$/.test(id)) throw bad("id", `"${id}" is not an id (R and a number)`);
    if (seen.has(id)) throw bad("id", `"${id}" appears twice`);
    seen.add(id);
    if (!/^四(\.[123]\.[一二三四])?$/.test(section)) throw bad("section", `"${section}" is not a part of section 四 (四, or 四.1.一 … 四.3.四)`);
    if (!(TARGET_KINDS as readonly string[]).includes(target_kind)) throw bad("target_kind", `"${target_kind}" is not one of ${TARGET_KINDS.join(", ")}`);
    for (const [col, v] of [["target_zh", target_zh], ["target_en", target_en], ["recommendation_zh", recommendation_zh], ["recommendation_en", recommendation_en]] as const)
      if (!v) throw bad(col, "empty");
    return { id, section, target_kind: target_kind as TargetKind, target_zh, target_en, recommendation_zh, recommendation_en };
  });
}
