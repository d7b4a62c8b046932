import { demoUscc, type RegistrationType } from './codes.js';
import type { DemoOrganization, DemoPlatform, DemoRdInstitution } from './types.js';

/**
 * The real organizations, laboratories and platforms of Changsha that the 2025 report names
 * (../shared/guide/changsha-2025.md) and the hosts they need, so the demo shows names a Changsha
 * user knows. Names, kinds, districts and the recognition dates given follow public reports; the
 * credit codes are synthetic (see codes.ts), and founding dates, addresses and recognition dates
 * not reported are left empty rather than guessed. Four-global confirmations are demo review data,
 * not official findings.
 */

/** The city these entities belong to; other cities get only generated records. */
export const NAMED_ENTITIES_CITY = '430100';

const YUELU = '430104';
const FURONG = '430102';
const TIANXIN = '430103';
const KAIFU = '430105';
const CHANGSHA_COUNTY = '430121';
const LIUYANG = '430181';
const NINGXIANG = '430182';

/** `industry`: its GB/T 4754-2017 class as its main business is publicly described. */
type NamedInput = Pick<DemoOrganization, 'name' | 'name_en' | 'kind'> & { industry: string; district: string | null; zone?: string };

/** Serials 1–99 are reserved for named organizations; generated ones start above. */
function named(serial: number, type: RegistrationType, o: NamedInput): DemoOrganization {
  // A central enterprise registered in Beijing carries the national registration area code.
  const area = o.district ?? '100000';
  return { uscc: demoUscc(type, area, serial), name: o.name, name_en: o.name_en, kind: o.kind, industry_code: o.industry, district_code: o.district, zone: o.zone ?? null, founded_on: null, address: null };
}

export const ORG = {
  hnu: named(1, '12', { name: '湖南大学', name_en: 'Hunan University', kind: 'university', industry: 'P8341', district: YUELU, zone: 'xiangjiang_new_area' }),
  csu: named(2, '12', { name: '中南大学', name_en: 'Central South University', kind: 'university', industry: 'P8341', district: YUELU, zone: 'xiangjiang_new_area' }),
  nudt: named(3, '12', { name: '国防科技大学', name_en: 'National University of Defense Technology', kind: 'university', industry: 'P8341', district: KAIFU }),
  hunnu: named(4, '12', { name: '湖南师范大学', name_en: 'Hunan Normal University', kind: 'university', industry: 'P8341', district: YUELU, zone: 'xiangjiang_new_area' }),
  hutb: named(5, '12', { name: '湖南工商大学', name_en: 'Hunan University of Technology and Business', kind: 'university', industry: 'P8341', district: YUELU, zone: 'xiangjiang_new_area' }),
  hunau: named(6, '12', { name: '湖南农业大学', name_en: 'Hunan Agricultural University', kind: 'university', industry: 'P8341', district: FURONG }),
  csuft: named(7, '12', { name: '中南林业科技大学', name_en: 'Central South University of Forestry and Technology', kind: 'university', industry: 'P8341', district: TIANXIN }),
  csust: named(8, '12', { name: '长沙理工大学', name_en: 'Changsha University of Science and Technology', kind: 'university', industry: 'P8341', district: TIANXIN }),
  hnucm: named(9, '12', { name: '湖南中医药大学', name_en: 'Hunan University of Chinese Medicine', kind: 'university', industry: 'P8341', district: YUELU, zone: 'xiangjiang_new_area' }),
  ccsu: named(10, '12', { name: '长沙学院', name_en: 'Changsha University', kind: 'university', industry: 'P8341', district: KAIFU }),
  yueluLab: named(11, '12', { name: '岳麓山实验室', name_en: 'Yuelu Mountain Laboratory', kind: 'research_institute', industry: 'M7330', district: FURONG }),
  hybridRice: named(12, '12', { name: '湖南杂交水稻研究中心', name_en: 'Hunan Hybrid Rice Research Center', kind: 'research_institute', industry: 'M7330', district: FURONG }),
  crimm: named(13, '91', { name: '长沙矿冶研究院有限责任公司', name_en: 'Changsha Research Institute of Mining and Metallurgy Co., Ltd.', kind: 'research_institute', industry: 'M7320', district: YUELU, zone: 'xiangjiang_new_area' }),
  songyaAi: named(14, '52', { name: '松雅湖人工智能创新中心', name_en: 'Songya Lake AI Innovation Center', kind: 'new_type_rd_institution', industry: 'M7320', district: CHANGSHA_COUNTY, zone: 'songya_lake' }),
  malanshanLab: named(15, '52', { name: '马栏山音视频实验室', name_en: 'Malanshan Audio-Video Laboratory', kind: 'new_type_rd_institution', industry: 'M7320', district: KAIFU, zone: 'malanshan' }),
  xiangya: named(16, '12', { name: '中南大学湘雅医院', name_en: 'Xiangya Hospital, Central South University', kind: 'hospital', industry: 'Q8411', district: KAIFU }),
  xiangya2: named(17, '12', { name: '中南大学湘雅二医院', name_en: 'The Second Xiangya Hospital of Central South University', kind: 'hospital', industry: 'Q8411', district: FURONG }),
  hnPeoples: named(18, '12', { name: '湖南省人民医院', name_en: "Hunan Provincial People's Hospital", kind: 'hospital', industry: 'Q8411', district: FURONG }),
  hnCancer: named(19, '12', { name: '湖南省肿瘤医院', name_en: 'Hunan Cancer Hospital', kind: 'hospital', industry: 'Q8415', district: YUELU, zone: 'xiangjiang_new_area' }),
  bankOfChangsha: named(20, '91', { name: '长沙银行股份有限公司', name_en: 'Bank of Changsha Co., Ltd.', kind: 'financial_institution', industry: 'J6621', district: YUELU, zone: 'xiangjiang_new_area' }),
  stBureau: named(21, '11', { name: '长沙市科学技术局', name_en: 'Changsha Science and Technology Bureau', kind: 'public_body', industry: 'S9225', district: YUELU }),
  sany: named(22, '91', { name: '三一重工股份有限公司', name_en: 'SANY Heavy Industry Co., Ltd.', kind: 'enterprise', industry: 'C3514', district: CHANGSHA_COUNTY, zone: 'changsha_etdz' }),
  zoomlion: named(23, '91', { name: '中联重科股份有限公司', name_en: 'Zoomlion Heavy Industry Science and Technology Co., Ltd.', kind: 'enterprise', industry: 'C3514', district: YUELU, zone: 'xiangjiang_new_area' }),
  sunward: named(24, '91', { name: '山河智能装备股份有限公司', name_en: 'Sunward Intelligent Equipment Co., Ltd.', kind: 'enterprise', industry: 'C3514', district: CHANGSHA_COUNTY, zone: 'changsha_etdz' }),
  crchi: named(25, '91', { name: '中国铁建重工集团股份有限公司', name_en: 'China Railway Construction Heavy Industry Corporation Limited', kind: 'enterprise', industry: 'C3514', district: CHANGSHA_COUNTY, zone: 'changsha_etdz' }),
  lens: named(26, '91', { name: '蓝思科技股份有限公司', name_en: 'Lens Technology Co., Ltd.', kind: 'enterprise', industry: 'C3976', district: LIUYANG }),
  wasion: named(27, '91', { name: '威胜集团有限公司', name_en: 'Wasion Group Co., Ltd.', kind: 'enterprise', industry: 'C4012', district: YUELU, zone: 'changsha_hitech_zone' }),
  jingjia: named(28, '91', { name: '长沙景嘉微电子股份有限公司', name_en: 'Changsha Jingjia Microelectronics Co., Ltd.', kind: 'enterprise', industry: 'I6520', district: YUELU, zone: 'changsha_hitech_zone' }),
  talkweb: named(29, '91', { name: '拓维信息系统股份有限公司', name_en: 'Talkweb Information System Co., Ltd.', kind: 'enterprise', industry: 'I6513', district: YUELU, zone: 'changsha_hitech_zone' }),
  hnac: named(30, '91', { name: '华自科技股份有限公司', name_en: 'HNAC Technology Co., Ltd.', kind: 'enterprise', industry: 'C3829', district: YUELU, zone: 'changsha_hitech_zone' }),
  mendale: named(31, '91', { name: '湖南梦洁家纺股份有限公司', name_en: 'Hunan Mendale Hometextile Co., Ltd.', kind: 'enterprise', industry: 'C1771', district: YUELU, zone: 'changsha_hitech_zone' }),
  longping: named(32, '91', { name: '袁隆平农业高科技股份有限公司', name_en: 'Yuan Longping High-tech Agriculture Co., Ltd.', kind: 'enterprise', industry: 'A0511', district: FURONG }),
  basfShanshan: named(33, '91', { name: '巴斯夫杉杉电池材料有限公司', name_en: 'BASF Shanshan Battery Materials Co., Ltd.', kind: 'enterprise', industry: 'C3985', district: YUELU, zone: 'changsha_hitech_zone' }),
  minmetals: named(34, '91', { name: '中国五矿集团有限公司', name_en: 'China Minmetals Corporation', kind: 'enterprise', industry: 'B0939', district: null }),
  truking: named(35, '91', { name: '楚天科技股份有限公司', name_en: 'Truking Technology Limited', kind: 'enterprise', industry: 'C3544', district: NINGXIANG }),
} satisfies Record<string, DemoOrganization>;

export const namedOrganizations: DemoOrganization[] = Object.values(ORG);

const MOST = '科学技术部';
const HUNAN_GOV = '湖南省人民政府';

export const namedPlatforms: DemoPlatform[] = [
  { host_uscc: ORG.yueluLab.uscc, name: '岳麓山实验室', name_en: 'Yuelu Mountain Laboratory', type: 'provincial_lab', level: 'provincial', recognized_on: '2022-07-20', authority: HUNAN_GOV, status: 'active', district_code: FURONG, zone: null },
  { host_uscc: ORG.hutb.uscc, name: '湘江实验室', name_en: 'Xiangjiang Laboratory', type: 'provincial_lab', level: 'provincial', recognized_on: null, authority: HUNAN_GOV, status: 'active', district_code: YUELU, zone: 'xiangjiang_new_area' },
  { host_uscc: ORG.csu.uscc, name: '芙蓉实验室', name_en: 'Furong Laboratory', type: 'provincial_lab', level: 'provincial', recognized_on: null, authority: HUNAN_GOV, status: 'active', district_code: KAIFU, zone: null },
  { host_uscc: ORG.hnu.uscc, name: '岳麓山工业创新中心', name_en: 'Yuelu Mountain Industrial Innovation Center', type: 'industrial_innovation_center', level: 'provincial', recognized_on: null, authority: HUNAN_GOV, status: 'active', district_code: YUELU, zone: 'xiangjiang_science_city' },
  // Approved by MOST in 2010, the third national supercomputing center; its foundation stone was laid and its name plate
  // unveiled on 2010-11-28 (the builder's 2012 report; People's Daily Online, 2014-07-10).
  { host_uscc: ORG.hnu.uscc, name: '国家超级计算长沙中心', name_en: 'National Supercomputing Center in Changsha', type: 'national_supercomputing_center', level: 'national', recognized_on: '2010-11-28', authority: MOST, status: 'active', district_code: YUELU, zone: 'xiangjiang_new_area' },
  { host_uscc: ORG.csu.uscc, name: '大飞机地面动力学试验平台', name_en: 'Large-aircraft Ground Dynamics Test Platform', type: 'major_science_facility', level: 'provincial', recognized_on: null, authority: HUNAN_GOV, status: 'active', district_code: KAIFU, zone: null },
  // Approved in July 2024 and unveiled (揭牌) on 2026-01-31; its headquarters sit in Xiangjiang Science City.
  { host_uscc: ORG.minmetals.uscc, name: '国家战略性稀有金属矿产高效开发技术创新中心', name_en: 'National Technology Innovation Center for Efficient Development of Strategic Rare Metal Minerals', type: 'national_tech_innovation_center', level: 'national', recognized_on: '2026-01-31', authority: '科学技术部、自然资源部', status: 'under_construction', district_code: YUELU, zone: 'xiangjiang_science_city' },
  { host_uscc: ORG.hybridRice.uscc, name: '杂交水稻全国重点实验室', name_en: 'National Key Laboratory of Hybrid Rice', type: 'national_key_lab', level: 'national', recognized_on: '2022-07-20', authority: MOST, status: 'active', district_code: FURONG, zone: null },
  // Approved by MOST (date not published); running since July 2025. Without a date it counts from the day it is loaded.
  { host_uscc: ORG.hybridRice.uscc, name: '中国—马达加斯加杂交水稻“一带一路”联合实验室', name_en: 'China–Madagascar Hybrid Rice Belt and Road Joint Laboratory', type: 'other', level: 'national', recognized_on: null, authority: MOST, status: 'active', district_code: FURONG, zone: null },
];

const noClaims = { global_layout: null, global_tasks: null, global_resources: null, global_results: null };

export const namedRdInstitutions: DemoRdInstitution[] = [
  {
    host_uscc: ORG.basfShanshan.uscc,
    name: '巴斯夫杉杉电池材料研究院',
    name_en: 'BASF Shanshan Battery Materials Research Institute',
    category: 'foreign_rd_center',
    level: 'none',
    established_on: null,
    district_code: YUELU,
    zone: 'changsha_hitech_zone',
    four_global: {
      global_layout: { evidence: '巴斯夫正极材料亚太研发总部设在长沙基地，与德国总部研发团队协同开展研发', confirmed_on: '2025-06-18' },
      global_tasks: null,
      global_resources: { evidence: '共享巴斯夫全球研发网络的材料表征与测试资源', confirmed_on: '2025-06-18' },
      global_results: { evidence: '正极材料产品供应国内外动力电池与消费电子客户', confirmed_on: '2025-06-18' },
    },
  },
  { host_uscc: ORG.songyaAi.uscc, name: '松雅湖人工智能创新中心', name_en: 'Songya Lake AI Innovation Center', category: 'new_type_rd_institution', level: 'none', established_on: null, district_code: CHANGSHA_COUNTY, zone: 'songya_lake', four_global: noClaims },
  { host_uscc: ORG.malanshanLab.uscc, name: '马栏山音视频实验室', name_en: 'Malanshan Audio-Video Laboratory', category: 'new_type_rd_institution', level: 'provincial', established_on: null, district_code: KAIFU, zone: 'malanshan', four_global: noClaims },
  { host_uscc: ORG.nudt.uscc, name: '国防科技大学磁浮技术团队', name_en: 'NUDT Maglev Technology Team', category: 'academic_rd_institution', level: 'none', established_on: null, district_code: KAIFU, zone: null, four_global: noClaims },
];
