/**
 * The 31 provinces (省、自治区、直辖市) of mainland China and every grouping the paper uses.
 *
 * Sources:
 * - adcode: GB/T 2260 administrative division codes (National Bureau of Statistics / Ministry of Civil Affairs).
 * - type (Table 1): 段庆林《中国各地区内外贸模式及其融入新发展格局研究》, Table 1 (表1 中国各地区内外贸模式及特征).
 * - region (东部/中部/西部/东北): NBS's 东西中部和东北地区划分方法 (2011), the division the paper's Table 3 uses.
 *   西北 (Table 3's "#西北地区", a subset of 西部) = 陕西, 甘肃, 青海, 宁夏, 新疆 (NBS's 西北 five provinces).
 * - location (沿海/内陆/沿边): the paper's Table 4 lists no members; these are the members whose 2017 totals add up to
 *   the printed group totals (test/groupings.test.ts searches every candidate assignment and shows this one is the
 *   only one that matches). 甘肃 borders Mongolia but is counted inland, as Table 4's note says; 辽宁 (coastal and
 *   bordering North Korea) is counted coastal and 广西 (coastal and bordering Vietnam) border.
 * - yellowRiver: the nine provinces listed in Table 5 (黄河流域九省区).
 * - yangtze: the eleven provinces listed in Table 6 (长江经济带).
 */

export type TypeZh =
  | "双循环经济"
  | "外向型经济"
  | "自洽型经济"
  | "均衡型经济"
  | "内贸型经济"
  | "沿边型经济"
  | "输入型经济";

export type RegionZh = "东部地区" | "中部地区" | "西部地区" | "东北地区";
export type LocationZh = "沿海地区" | "内陆地区" | "沿边地区";

export interface Province {
  /** GB/T 2260 six-digit code */
  adcode: number;
  /** short name as the paper prints it */
  zh: string;
  en: string;
  /** lower-case ASCII file-name stem */
  slug: string;
  type: TypeZh;
  region: RegionZh;
  northwest: boolean;
  location: LocationZh;
  yellowRiver: boolean;
  yangtze: boolean;
}

type Row = [number, string, string, string, TypeZh, RegionZh, LocationZh, string];
// flags: N = 西北, Y = 黄河流域, C = 长江经济带
const ROWS: Row[] = [
  [110000, "北京", "Beijing", "beijing", "双循环经济", "东部地区", "内陆地区", ""],
  [120000, "天津", "Tianjin", "tianjin", "外向型经济", "东部地区", "沿海地区", ""],
  [130000, "河北", "Hebei", "hebei", "均衡型经济", "东部地区", "沿海地区", ""],
  [140000, "山西", "Shanxi", "shanxi", "均衡型经济", "中部地区", "内陆地区", "Y"],
  [150000, "内蒙古", "Inner Mongolia", "inner-mongolia", "沿边型经济", "西部地区", "沿边地区", "Y"],
  [210000, "辽宁", "Liaoning", "liaoning", "沿边型经济", "东北地区", "沿海地区", ""],
  [220000, "吉林", "Jilin", "jilin", "内贸型经济", "东北地区", "沿边地区", ""],
  [230000, "黑龙江", "Heilongjiang", "heilongjiang", "沿边型经济", "东北地区", "沿边地区", ""],
  [310000, "上海", "Shanghai", "shanghai", "双循环经济", "东部地区", "沿海地区", "C"],
  [320000, "江苏", "Jiangsu", "jiangsu", "外向型经济", "东部地区", "沿海地区", "C"],
  [330000, "浙江", "Zhejiang", "zhejiang", "外向型经济", "东部地区", "沿海地区", "C"],
  [340000, "安徽", "Anhui", "anhui", "均衡型经济", "中部地区", "内陆地区", "C"],
  [350000, "福建", "Fujian", "fujian", "外向型经济", "东部地区", "沿海地区", ""],
  [360000, "江西", "Jiangxi", "jiangxi", "内贸型经济", "中部地区", "内陆地区", "C"],
  [370000, "山东", "Shandong", "shandong", "自洽型经济", "东部地区", "沿海地区", "Y"],
  [410000, "河南", "Henan", "henan", "均衡型经济", "中部地区", "内陆地区", "Y"],
  [420000, "湖北", "Hubei", "hubei", "自洽型经济", "中部地区", "内陆地区", "C"],
  [430000, "湖南", "Hunan", "hunan", "自洽型经济", "中部地区", "内陆地区", "C"],
  [440000, "广东", "Guangdong", "guangdong", "外向型经济", "东部地区", "沿海地区", ""],
  [450000, "广西", "Guangxi", "guangxi", "沿边型经济", "西部地区", "沿边地区", ""],
  [460000, "海南", "Hainan", "hainan", "内贸型经济", "东部地区", "沿海地区", ""],
  [500000, "重庆", "Chongqing", "chongqing", "双循环经济", "西部地区", "内陆地区", "C"],
  [510000, "四川", "Sichuan", "sichuan", "自洽型经济", "西部地区", "内陆地区", "YC"],
  [520000, "贵州", "Guizhou", "guizhou", "内贸型经济", "西部地区", "内陆地区", "C"],
  [530000, "云南", "Yunnan", "yunnan", "沿边型经济", "西部地区", "沿边地区", "C"],
  [540000, "西藏", "Tibet", "tibet", "输入型经济", "西部地区", "沿边地区", ""],
  [610000, "陕西", "Shaanxi", "shaanxi", "内贸型经济", "西部地区", "内陆地区", "NY"],
  [620000, "甘肃", "Gansu", "gansu", "输入型经济", "西部地区", "内陆地区", "NY"],
  [630000, "青海", "Qinghai", "qinghai", "输入型经济", "西部地区", "内陆地区", "NY"],
  [640000, "宁夏", "Ningxia", "ningxia", "内贸型经济", "西部地区", "内陆地区", "NY"],
  [650000, "新疆", "Xinjiang", "xinjiang", "外向型经济", "西部地区", "沿边地区", "N"],
];

export const PROVINCES: readonly Province[] = ROWS.map(
  ([adcode, zh, en, slug, type, region, location, flags]) => ({
    adcode,
    zh,
    en,
    slug,
    type,
    region,
    northwest: flags.includes("N"),
    location,
    yellowRiver: flags.includes("Y"),
    yangtze: flags.includes("C"),
  }),
);

const BY_ZH = new Map(PROVINCES.map((p) => [p.zh, p]));

/** Province by its Chinese short name; throws on an unknown name. */
export function province(zh: string): Province {
  const p = BY_ZH.get(zh);
  if (!p) throw new Error(`unknown province "${zh}" (expected one of ${PROVINCES.map((q) => q.zh).join("、")})`);
  return p;
}

export function isProvince(zh: string): boolean {
  return BY_ZH.has(zh);
}

/** The seven types in the order of Table 1, with the English names of the paper's abstract. */
export const TYPES: readonly { zh: TypeZh; en: string }[] = [
  { zh: "双循环经济", en: "Dual-circulation economy" },
  { zh: "外向型经济", en: "Export-oriented economy" },
  { zh: "自洽型经济", en: "Self-consistent economy" },
  { zh: "均衡型经济", en: "Balanced economy" },
  { zh: "内贸型经济", en: "Domestic-trade economy" },
  { zh: "沿边型经济", en: "Border economy" },
  { zh: "输入型经济", en: "Import (inflow-dependent) economy" },
];

export const REGIONS: readonly { zh: RegionZh; en: string }[] = [
  { zh: "东部地区", en: "East" },
  { zh: "中部地区", en: "Centre" },
  { zh: "西部地区", en: "West" },
  { zh: "东北地区", en: "Northeast" },
];

export const LOCATIONS: readonly { zh: LocationZh; en: string }[] = [
  { zh: "沿海地区", en: "Coastal" },
  { zh: "内陆地区", en: "Inland" },
  { zh: "沿边地区", en: "Border" },
];

export function typeEn(zh: TypeZh): string {
  return TYPES.find((t) => t.zh === zh)!.en;
}
