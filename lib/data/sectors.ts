/**
 * The 42 sectors of the 2012 and 2017 provincial input-output tables, with bilingual labels.
 *
 * Chinese names: as printed in column B of every provincial workbook of that year (whitespace removed);
 * test/io-sectors.test.ts reads them back from data/raw/io-tables/{2012,2017}/ and checks they are identical.
 * English names: our translation, following the wording of NBS's English edition of the China input-output
 * tables. The two lists differ (data/raw/io-tables/SOURCE.md): 2012's 22 + 23 are 2017's 22; 2012's 24–35 are
 * 2017's 23–34; 2012's 36 splits into 2017's 35 + 36.
 */

export interface Sector {
  code: string;
  zh: string;
  en: string;
}

const COMMON_HEAD: [string, string][] = [
  ["农林牧渔产品和服务", "Agriculture, forestry, animal husbandry and fishery"],
  ["煤炭采选产品", "Coal mining"],
  ["石油和天然气开采产品", "Oil and natural gas extraction"],
  ["金属矿采选产品", "Metal ore mining"],
  ["非金属矿和其他矿采选产品", "Non-metallic and other ore mining"],
  ["食品和烟草", "Food and tobacco"],
  ["纺织品", "Textiles"],
  ["纺织服装鞋帽皮革羽绒及其制品", "Apparel, footwear, leather and down products"],
  ["木材加工品和家具", "Wood products and furniture"],
  ["造纸印刷和文教体育用品", "Paper, printing, and cultural, educational and sports goods"],
  ["石油、炼焦产品和核燃料加工品", "Refined petroleum, coke and nuclear fuel"],
  ["化学产品", "Chemical products"],
  ["非金属矿物制品", "Non-metallic mineral products"],
  ["金属冶炼和压延加工品", "Smelting and rolling of metals"],
  ["金属制品", "Metal products"],
  ["通用设备", "General-purpose machinery"],
  ["专用设备", "Special-purpose machinery"],
  ["交通运输设备", "Transport equipment"],
  ["电气机械和器材", "Electrical machinery and equipment"],
  ["通信设备、计算机和其他电子设备", "Communication equipment, computers and other electronics"],
  ["仪器仪表", "Measuring instruments"],
];

const COMMON_TAIL: [string, string][] = [
  ["金属制品、机械和设备修理服务", "Repair of metal products, machinery and equipment"],
  ["电力、热力的生产和供应", "Electricity and heat supply"],
  ["燃气生产和供应", "Gas supply"],
  ["水的生产和供应", "Water supply"],
  ["建筑", "Construction"],
  ["批发和零售", "Wholesale and retail trade"],
  ["交通运输、仓储和邮政", "Transport, storage and postal services"],
  ["住宿和餐饮", "Accommodation and catering"],
  ["信息传输、软件和信息技术服务", "Information transmission, software and IT services"],
  ["金融", "Finance"],
  ["房地产", "Real estate"],
  ["租赁和商务服务", "Leasing and business services"],
];

const LAST: [string, string][] = [
  ["水利、环境和公共设施管理", "Water conservancy, environment and public facilities management"],
  ["居民服务、修理和其他服务", "Household, repair and other services"],
  ["教育", "Education"],
  ["卫生和社会工作", "Health and social work"],
  ["文化、体育和娱乐", "Culture, sports and entertainment"],
  ["公共管理、社会保障和社会组织", "Public administration, social security and social organisations"],
];

function numbered(list: [string, string][]): Sector[] {
  if (list.length !== 42) throw new Error(`sector list has ${list.length} entries, expected 42`);
  return list.map(([zh, en], i) => ({ code: String(i + 1).padStart(2, "0"), zh, en }));
}

export const SECTORS_2017: readonly Sector[] = numbered([
  ...COMMON_HEAD,
  ["其他制造产品和废品废料", "Other manufactures, scrap and waste"],
  ...COMMON_TAIL,
  ["研究和试验发展", "Research and experimental development"],
  ["综合技术服务", "Technical services"],
  ...LAST,
]);

export const SECTORS_2012: readonly Sector[] = numbered([
  ...COMMON_HEAD,
  ["其他制造产品", "Other manufactures"],
  ["废品废料", "Scrap and waste"],
  ...COMMON_TAIL,
  ["科学研究和技术服务", "Scientific research and technical services"],
  ...LAST,
]);

/** The sector list of a table year (2012 or 2017). */
export function sectorsOf(year: number): readonly Sector[] {
  if (year === 2017) return SECTORS_2017;
  if (year === 2012) return SECTORS_2012;
  throw new Error(`no 42-sector list for ${year} (2012 and 2017 only; the 2007 tables use another classification)`);
}
