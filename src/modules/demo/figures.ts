/**
 * What the demo registry is built to reproduce: the registry-computed figures of Changsha's 2025
 * report (../shared/guide/changsha-2025.md) and the yearly curves behind them. Each figure is hit
 * by construction: the generator draws exactly these counts (less what the named entities already
 * contribute), so no random draw can move them. Curves are invented where the report gives only an
 * end point; they are meant to be plausible, not historical.
 */

/** The published end-of-2025 figures (definitions: docs/demo-data.md). */
export const PUBLISHED_2025 = {
  /** 研发机构总数 */
  rdInstitutions: 4_344,
  /** 2025 年新增研发机构 */
  newRdInstitutions: 861,
  /** 新增研发机构中位于创新区（一城一区三基地）的: 603 / 861 = 70.03 %, published as 70 %. */
  newInInnovationZones: 603,
  /** 具备至少一项“四个全球”特征 */
  globalAny: 2_799,
  /** “四个全球”特征齐备 */
  globalAll: 590,
  /** 国家级创新平台 */
  nationalPlatforms: 152,
  /** 新建及重组全国重点实验室 */
  newNationalKeyLabs: 35,
  /** 备案概念验证中心 */
  conceptVerificationCenters: 13,
  /** 备案中试平台 */
  pilotPlatforms: 58,
  /** 科技型中小企业: "over 10,000 for the first time". */
  techSmes: 10_236,
  /** 国家级专精特新“小巨人”企业 */
  littleGiants: 243,
} as const;

/**
 * R&D institutions established per year (研发机构新增数). The report's "about twice the end-2023
 * count" fixes end-2023 at 2,172 = 4,344 / 2, so 2024 (1,311) was the year of the big push;
 * 2026 runs to the demo day. Years before 2016 are the registry's older stock.
 */
export const NEW_RD_INSTITUTIONS: Readonly<Record<number, number>> = {
  2008: 30, 2009: 35, 2010: 40, 2011: 45, 2012: 55, 2013: 60, 2014: 70, 2015: 85,
  2016: 140, 2017: 160, 2018: 180, 2019: 210, 2020: 240, 2021: 270, 2022: 270, 2023: 282,
  2024: 1_311, 2025: 861, 2026: 760,
};

/**
 * Enterprises on the tech-based SME list each year (科技型中小企业入库数). The national evaluation
 * began in 2017 (MOST 2017 No.115), so there is no list before; 2024 stays below 10,000, 2025 is the
 * published figure, and 2026 (evaluated up to the demo day) heads for the 12,500 target.
 */
export const TECH_SMES: Readonly<Record<number, number>> = {
  2017: 1_180, 2018: 2_060, 2019: 3_120, 2020: 4_310, 2021: 5_590, 2022: 6_880, 2023: 8_140, 2024: 9_415,
  2025: PUBLISHED_2025.techSmes, 2026: 11_640,
};

/** Share of the year's tech SMEs that do not register again the next year. */
export const TECH_SME_EXIT_RATE = 0.03;

/**
 * "Little giant" (专精特新“小巨人”) titles by first batch and number of three-year certificates
 * (title, then re-reviews every three years). A title counts at the end of 2025 when one of its
 * certificates runs then, i.e. one was issued in 2023–2025; the 2025 batch is whatever makes 243.
 */
export const LITTLE_GIANT_BATCHES: ReadonlyArray<{ from: number; certificates: number; count: number }> = [
  { from: 2019, certificates: 3, count: 18 },
  { from: 2019, certificates: 2, count: 2 },
  { from: 2019, certificates: 1, count: 3 },
  { from: 2020, certificates: 3, count: 20 },
  { from: 2020, certificates: 2, count: 6 },
  { from: 2020, certificates: 1, count: 3 },
  { from: 2021, certificates: 2, count: 38 },
  { from: 2021, certificates: 1, count: 4 },
  { from: 2022, certificates: 2, count: 44 },
  { from: 2022, certificates: 1, count: 3 },
  { from: 2023, certificates: 2, count: 40 },
  { from: 2023, certificates: 1, count: 3 },
  { from: 2024, certificates: 1, count: 36 },
  { from: 2026, certificates: 1, count: 30 },
];
/** The batch sized to make the published count. */
export const LITTLE_GIANT_LAST_BATCH = 2025;

/** The report's period: calendar 2025. */
export const PERIOD_START = '2025-01-01';
export const PERIOD_END = '2025-12-31';
