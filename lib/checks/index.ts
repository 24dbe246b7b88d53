/**
 * The paper's numbers and sentences against the data: every printed cell of Tables 2–6 reconciled (rounding,
 * misprint with its proof, source), the printed tables beside the computed ones, the claims of sections 一 and 二, the
 * sector statements, the two editions side by side, the quoted figures of section 三 beside the tables, and the
 * recommendations of section 四 with their evidence.
 * Imports: every analysis layer (core/ … typology/); never present/ or cli/.
 *
 * Modules:
 * - claimComputations: The claims of data/paper/claims.csv whose computation is their own (kind `named`): qualitative readings (高, 主要,
 * - claimContext: What the claims of lib/checks/claims.ts compute from: the rows of Tables 2–6 recomputed from the data (every group
 * - claims: The claims of the paper's prose: every sentence of sections 一 and 二 (and of Table 1's 特征 column) that the
 * - compare: The paper's printed Tables 2–6 beside the tables computed from the data, cell by cell.
 * - editionDiff: The two 2017 editions side by side (lib/data/editions.ts): the paper's (yearbook GDP, printed total rows) and the
 * - policy: The paper's recommendations (section 四, 中国各地区融入新发展格局的对策建议), one record per recommendation: who it
 * - quotedComparison: The paper's quoted figures of section 三 (lib/paper/quoted.ts) beside what the 2007, 2012 and 2017 input-output tables
 * - reconcile: Reconciliation of every printed cell of Tables 2–6 with the value computed from the data.
 * - sectorClaims: The paper's statements about what provinces produce and for whom (sections 二 and Table 1), checked against the
 */
export * from "./claimComputations";
export * from "./claimContext";
export * from "./claims";
export * from "./compare";
export * from "./editionDiff";
export * from "./policy";
export * from "./quotedComparison";
export * from "./reconcile";
export * from "./sectorClaims";
