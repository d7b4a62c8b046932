import type { TargetCreate } from '../../contracts/indicators.js';
import type { OfficialFigure } from '../indicators/service.js';

/**
 * The official statistics and 2026 targets of Changsha's 2025 report (长沙晚报 2026 年特别报道;
 * /work/shared/guide/changsha-2025.md). The report gives no publication day, so each figure is
 * recorded as published on 2026-01-01 and says so in its note. Figures the report only implies
 * (2024 R&D expenditure from the growth rate, GDP from the intensity) say how they were derived.
 */

const SOURCE = '长沙晚报特别报道《长沙建设全球研发中心城市》（2026） Changsha Evening News special report (2026)';
const PUBLISHED = '2026-01-01';
const DAY_UNKNOWN = '发布日期未载明，按 2026-01-01 记录 Publication day not given; recorded as 2026-01-01';

export const demoOfficialFigures: readonly OfficialFigure[] = [
  { code: 'rd_expenditure', period: '2025', value: 511.56, source: SOURCE, published_on: PUBLISHED, note: DAY_UNKNOWN },
  {
    code: 'rd_expenditure',
    period: '2024',
    value: 472.75,
    source: SOURCE,
    published_on: PUBLISHED,
    note: `由 2025 年增长 8.21% 推算（511.56 ÷ 1.0821） Derived from the published 8.21 % growth in 2025 (511.56 ÷ 1.0821). ${DAY_UNKNOWN}`,
  },
  {
    code: 'gdp',
    period: '2025',
    value: 15_225,
    source: SOURCE,
    published_on: PUBLISHED,
    note: `由研发投入强度 3.36% 推算（511.56 ÷ 3.36%） Implied by the published R&D intensity of 3.36 % (511.56 ÷ 3.36 %). ${DAY_UNKNOWN}`,
  },
  { code: 'rank.wipo_gii_cluster', period: '2025', value: 44, source: SOURCE, published_on: PUBLISHED, note: DAY_UNKNOWN },
  { code: 'rank.wipo_gii_cluster', period: '2024', value: 50, source: SOURCE, published_on: PUBLISHED, note: `报道称较上年上升 6 位 The report says up 6 places. ${DAY_UNKNOWN}` },
  { code: 'rank.nature_index_science_city', period: '2025', value: 23, source: SOURCE, published_on: PUBLISHED, note: DAY_UNKNOWN },
  { code: 'rank.china_city_innovation', period: '2025', value: 9, source: SOURCE, published_on: PUBLISHED, note: DAY_UNKNOWN },
];

const TARGET_NOTE = '2026 年目标（同一报道） 2026 target, from the same report';

export const demoTargets2026: readonly Omit<TargetCreate, 'area'>[] = [
  { indicator_code: 'achievements.key_tech_breakthroughs', period: '2026', comparator: '>=', value: 130, note: TARGET_NOTE },
  { indicator_code: 'achievements.globally_leading', period: '2026', comparator: '>=', value: 15, note: TARGET_NOTE },
  // "About 50" new enterprise R&D centers of the five types: ± 5 is our reading of "about".
  { indicator_code: 'rd_institutions.new_enterprise_rd_centers', period: '2026', comparator: '≈', value: 50, tolerance: 5, note: `${TARGET_NOTE}（“约 50 家”，容差 ±5 为本平台的解读 "about 50"; the ±5 band is our reading)` },
  { indicator_code: 'enterprises.tech_sme.count', period: '2026', comparator: '>=', value: 12_500, note: TARGET_NOTE },
  { indicator_code: 'transfers_incubations.count', period: '2026', comparator: '>=', value: 1_000, note: TARGET_NOTE },
];
