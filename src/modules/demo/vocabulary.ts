import type { Message } from '../../domain/message.js';

/**
 * Word lists the generator builds fictitious names from. Trade names (字号) are invented and
 * avoid well-known brands; any resemblance to a real firm is coincidence.
 */

/** A trade name and its pinyin. */
export type TradeName = readonly [zh: string, en: string];

export const TRADE_NAMES: readonly TradeName[] = [
  ['麓云', 'Luyun'], ['星驰', 'Xingchi'], ['湘芯', 'Xiangxin'], ['岳恒', 'Yueheng'], ['博睿', 'Borui'], ['拓宸', 'Tuochen'],
  ['中旭', 'Zhongxu'], ['恒越', 'Hengyue'], ['瑞麟', 'Ruilin'], ['芯湃', 'Xinpai'], ['智岳', 'Zhiyue'], ['启衡', 'Qiheng'],
  ['澜图', 'Lantu'], ['嘉沅', 'Jiayuan'], ['鼎衡', 'Dingheng'], ['汇湘', 'Huixiang'], ['湘睿', 'Xiangrui'], ['麓芯', 'Luxin'],
  ['弘毅', 'Hongyi'], ['明途', 'Mingtu'], ['凌峰', 'Lingfeng'], ['翰林', 'Hanlin'], ['澄明', 'Chengming'], ['天衡', 'Tianheng'],
  ['昱辰', 'Yuchen'], ['卓研', 'Zhuoyan'], ['聚能', 'Juneng'], ['擎天', 'Qingtian'], ['锐驰', 'Ruichi'], ['蓝湾', 'Lanwan'],
  ['青禾', 'Qinghe'], ['禾元', 'Heyuan'], ['沐光', 'Muguang'], ['驭风', 'Yufeng'], ['北辰', 'Beichen'], ['云帆', 'Yunfan'],
  ['晟达', 'Shengda'], ['德研', 'Deyan'], ['玖安', 'Jiu’an'], ['安和', 'Anhe'], ['铂川', 'Bochuan'], ['睿泽', 'Ruize'],
  ['思拓', 'Situo'], ['科朗', 'Kelang'], ['华研', 'Huayan'], ['宏晟', 'Hongsheng'], ['润邦', 'Runbang'], ['易达', 'Yida'],
  ['创源', 'Chuangyuan'], ['泓芯', 'Hongxin'], ['微纳', 'Weina'], ['智谷', 'Zhigu'], ['新衡', 'Xinheng'], ['永拓', 'Yongtuo'],
  ['湘研', 'Xiangyan'], ['岳研', 'Yueyan'], ['麓研', 'Luyan'], ['橘洲', 'Juzhou'], ['芙研', 'Fuyan'], ['晨曦', 'Chenxi'],
  ['旭阳', 'Xuyang'], ['中湘', 'Zhongxiang'], ['楚研', 'Chuyan'], ['楚芯', 'Chuxin'], ['湘源', 'Xiangyuan'], ['睿图', 'Ruitu'],
  ['数创', 'Shuchuang'], ['智擎', 'Zhiqing'], ['灵犀', 'Lingxi'], ['维度', 'Weidu'], ['臻研', 'Zhenyan'], ['格物', 'Gewu'],
  ['明德', 'Mingde'], ['知行', 'Zhixing'], ['求索', 'Qiusuo'], ['湘锦', 'Xiangjin'], ['昭华', 'Zhaohua'], ['辰星', 'Chenxing'],
  ['苍穹', 'Cangqiong'], ['砺剑', 'Lijian'], ['磐石', 'Panshi'], ['远航', 'Yuanhang'], ['立方', 'Lifang'], ['博凯', 'Bokai'],
  ['众诚', 'Zhongcheng'], ['益康', 'Yikang'], ['康瑞', 'Kangrui'], ['和瑞', 'Herui'], ['安泰', 'Antai'], ['诺安', 'Nuo’an'],
  ['恒通', 'Hengtong'], ['通衡', 'Tongheng'], ['赛恩', 'Sai’en'], ['优联', 'Youlian'], ['联创', 'Lianchuang'], ['力合', 'Lihe'],
];

/** Fictitious foreign investors of the Sino-foreign companies that host foreign R&D centers. */
export const FOREIGN_BRANDS: readonly TradeName[] = [
  ['诺德维克', 'Nordwick'], ['维特森', 'Wittsen'], ['莱茵菲尔', 'Rheinfeld'], ['伊斯特林', 'Eastling'], ['奥伦多', 'Orlendo'],
  ['萨瓦罗', 'Savaro'], ['克劳斯比', 'Krausby'], ['米勒森', 'Millerson'], ['卡森德', 'Carsende'], ['贝尔诺', 'Bellno'],
];

/** An industry: its name in company names, and research topics for R&D institution names. */
export interface Industry {
  name: Message;
  topics: readonly Message[];
  /** Relative frequency among the city's enterprises. */
  weight: number;
}

const t = (zh: string, en: string): Message => ({ zh, en });

export const INDUSTRIES: readonly Industry[] = [
  { name: t('工程机械', 'Construction Machinery'), topics: [t('电动化', 'Electrification'), t('液压控制', 'Hydraulic Control')], weight: 8 },
  { name: t('智能装备', 'Intelligent Equipment'), topics: [t('智能控制', 'Intelligent Control'), t('数字孪生', 'Digital Twin')], weight: 10 },
  { name: t('新材料', 'New Materials'), topics: [t('先进合金', 'Advanced Alloys'), t('复合材料', 'Composite Materials')], weight: 8 },
  { name: t('电池材料', 'Battery Materials'), topics: [t('正极材料', 'Cathode Materials'), t('固态电池', 'Solid-state Batteries')], weight: 4 },
  { name: t('生物医药', 'Biopharmaceutical'), topics: [t('创新药', 'Innovative Drugs'), t('细胞治疗', 'Cell Therapy')], weight: 6 },
  { name: t('医疗器械', 'Medical Devices'), topics: [t('医学影像', 'Medical Imaging'), t('体外诊断', 'In-vitro Diagnostics')], weight: 4 },
  { name: t('电子信息', 'Electronic Information'), topics: [t('新型显示', 'Advanced Displays'), t('传感器', 'Sensors')], weight: 8 },
  { name: t('软件', 'Software'), topics: [t('工业软件', 'Industrial Software'), t('信息安全', 'Information Security')], weight: 7 },
  { name: t('人工智能', 'Artificial Intelligence'), topics: [t('智能体', 'AI Agents'), t('具身智能', 'Embodied Intelligence')], weight: 7 },
  { name: t('集成电路', 'Integrated Circuits'), topics: [t('芯片设计', 'Chip Design'), t('先进封装', 'Advanced Packaging')], weight: 4 },
  { name: t('检验检测', 'Testing and Inspection'), topics: [t('精密测量', 'Precision Measurement'), t('计量校准', 'Metrology and Calibration')], weight: 6 },
  { name: t('仪器仪表', 'Instruments'), topics: [t('分析仪器', 'Analytical Instruments'), t('智能传感', 'Smart Sensing')], weight: 3 },
  { name: t('新能源', 'New Energy'), topics: [t('光伏', 'Photovoltaics'), t('氢能', 'Hydrogen Energy')], weight: 5 },
  { name: t('储能', 'Energy Storage'), topics: [t('储能系统', 'Storage Systems'), t('电池管理', 'Battery Management')], weight: 3 },
  { name: t('航空航天', 'Aerospace'), topics: [t('航空动力', 'Aero Propulsion'), t('卫星应用', 'Satellite Applications')], weight: 3 },
  { name: t('北斗导航', 'BeiDou Navigation'), topics: [t('高精度定位', 'High-precision Positioning'), t('时空数据', 'Spatio-temporal Data')], weight: 2 },
  { name: t('轨道交通', 'Rail Transit'), topics: [t('牵引系统', 'Traction Systems'), t('磁浮技术', 'Maglev Technology')], weight: 3 },
  { name: t('智能网联汽车', 'Intelligent Connected Vehicles'), topics: [t('自动驾驶', 'Autonomous Driving'), t('车联网', 'Vehicle Networking')], weight: 3 },
  { name: t('机器人', 'Robotics'), topics: [t('工业机器人', 'Industrial Robots'), t('服务机器人', 'Service Robots')], weight: 4 },
  { name: t('音视频', 'Audio and Video'), topics: [t('超高清视频', 'Ultra-HD Video'), t('虚拟制作', 'Virtual Production')], weight: 4 },
  { name: t('数字创意', 'Digital Creative'), topics: [t('数字内容', 'Digital Content'), t('交互设计', 'Interaction Design')], weight: 3 },
  { name: t('种业', 'Seed Industry'), topics: [t('分子育种', 'Molecular Breeding'), t('种质资源', 'Germplasm Resources')], weight: 2 },
  { name: t('食品', 'Food'), topics: [t('食品安全', 'Food Safety'), t('精深加工', 'Advanced Processing')], weight: 3 },
  { name: t('环保', 'Environmental Protection'), topics: [t('固废资源化', 'Solid-waste Recycling'), t('水处理', 'Water Treatment')], weight: 3 },
];

/** Company forms (企业组织形式) after the industry word. */
export const COMPANY_FORMS: readonly (readonly [Message, number])[] = [
  [t('科技有限公司', 'Technology Co., Ltd.'), 6],
  [t('技术有限公司', 'Technologies Co., Ltd.'), 3],
  [t('股份有限公司', 'Co., Ltd.'), 2],
  [t('有限公司', 'Co., Ltd.'), 2],
];

/**
 * Where Changsha's enterprises and institutions cluster (weights); districts a city does not list
 * get weight 1 so any city's demo still covers all of its districts.
 */
export const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '430104': 24, // 岳麓区: Lugu, Xiangjiang Science City
  '430111': 13, // 雨花区
  '430121': 15, // 长沙县: Xingsha, Songya Lake
  '430105': 11, // 开福区: Kaifu S&T Valley, Malanshan
  '430102': 7,
  '430103': 7,
  '430112': 9,
  '430181': 7,
  '430182': 7,
};

/** Districts each Changsha zone lies in; a zone not listed may be given to any district. */
export const ZONE_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  xiangjiang_new_area: ['430104', '430112', '430182'],
  changsha_hitech_zone: ['430104'],
  changsha_etdz: ['430121'],
  xiangjiang_science_city: ['430104'],
  kaifu_st_valley: ['430105'],
  dazehu_returnees_town: ['430112'],
  songya_lake: ['430121'],
  malanshan: ['430105'],
};

/** Streets by district for the demo's street addresses (house numbers are invented). */
export const STREETS: Readonly<Record<string, readonly string[]>> = {
  '430102': ['五一大道', '八一路', '远大一路', '人民东路', '车站北路'],
  '430103': ['芙蓉南路', '书院路', '劳动西路', '湘府西路', '新开铺路'],
  '430104': ['麓谷大道', '岳麓大道', '桐梓坡路', '麓松路', '枫林三路', '尖山路'],
  '430105': ['芙蓉北路', '湘江北路', '三一大道', '福元西路'],
  '430111': ['韶山中路', '劳动东路', '万家丽中路', '香樟路'],
  '430112': ['雷锋大道', '金星北路', '马桥河路'],
  '430121': ['星沙大道', '开元东路', '东六路', '螺丝塘路'],
  '430181': ['金沙路', '白沙路', '人民路'],
  '430182': ['金洲大道', '花明路', '人民路'],
};

/** Countries named in four-global evidence. */
export const COUNTRIES: readonly string[] = [
  '德国', '美国', '日本', '新加坡', '英国', '法国', '马来西亚', '印度尼西亚', '巴西', '南非', '阿联酋', '韩国', '澳大利亚', '意大利', '荷兰', '瑞典', '泰国', '越南', '沙特阿拉伯', '墨西哥',
];

/** Fields of the generated national platforms (全国重点实验室, 国家工程研究中心 …). */
export const LAB_FIELDS: readonly Message[] = [
  t('先进储能材料与安全', 'Advanced Energy Storage Materials and Safety'), t('智能感知与控制', 'Intelligent Sensing and Control'),
  t('极端服役材料', 'Materials for Extreme Service'), t('精准医学影像', 'Precision Medical Imaging'), t('作物分子育种', 'Crop Molecular Breeding'),
  t('数字视听与内容安全', 'Digital Audio-Visual and Content Security'), t('深地资源开发', 'Deep-earth Resource Development'),
  t('高端装备可靠性', 'High-end Equipment Reliability'), t('新型显示材料与器件', 'Advanced Display Materials and Devices'),
  t('智能网联汽车系统', 'Intelligent Connected Vehicle Systems'), t('有色金属绿色冶金', 'Green Metallurgy of Non-ferrous Metals'),
  t('轨道交通安全', 'Rail Transit Safety'), t('工程机械电动化', 'Construction Machinery Electrification'), t('先进复合材料', 'Advanced Composite Materials'),
  t('类脑智能计算', 'Brain-inspired Intelligent Computing'), t('生物医用材料', 'Biomedical Materials'), t('智能制造系统', 'Intelligent Manufacturing Systems'),
  t('功率半导体器件', 'Power Semiconductor Devices'), t('固态电池材料', 'Solid-state Battery Materials'),
  t('卫星导航与时空信息', 'Satellite Navigation and Spatio-temporal Information'), t('农产品加工与食品安全', 'Agro-product Processing and Food Safety'),
  t('环境污染控制', 'Environmental Pollution Control'), t('中药资源与新药', 'TCM Resources and New Drugs'), t('高性能计算与算法', 'High-performance Computing and Algorithms'),
];

/** Industries whose firms partner with hospitals. */
export const MEDICAL_INDUSTRIES: readonly string[] = ['生物医药', '医疗器械'];
