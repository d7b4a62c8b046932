import type { Message } from '../../domain/message.js';

/**
 * Word lists the generator builds fictitious names from. Trade names (字号) are invented and
 * avoid well-known brands; any resemblance to a real firm is coincidence.
 */

/** A character of a trade name (字号) and its pinyin syllable. */
export type TradeCharacter = readonly [zh: string, pinyin: string];

/**
 * Characters trade names are composed of: two of them make 18,632 names, enough for every
 * organization of the 1× registry; a third one serves the 10× and 100× registries.
 */
export const TRADE_CHARACTERS: readonly TradeCharacter[] = [
  ['麓', 'lu'], ['云', 'yun'], ['星', 'xing'], ['驰', 'chi'], ['湘', 'xiang'], ['芯', 'xin'], ['岳', 'yue'], ['恒', 'heng'],
  ['博', 'bo'], ['睿', 'rui'], ['拓', 'tuo'], ['宸', 'chen'], ['旭', 'xu'], ['越', 'yue'], ['麟', 'lin'], ['湃', 'pai'],
  ['智', 'zhi'], ['启', 'qi'], ['衡', 'heng'], ['澜', 'lan'], ['图', 'tu'], ['嘉', 'jia'], ['沅', 'yuan'], ['鼎', 'ding'],
  ['汇', 'hui'], ['弘', 'hong'], ['毅', 'yi'], ['明', 'ming'], ['途', 'tu'], ['凌', 'ling'], ['峰', 'feng'], ['翰', 'han'],
  ['澄', 'cheng'], ['昱', 'yu'], ['辰', 'chen'], ['卓', 'zhuo'], ['聚', 'ju'], ['能', 'neng'], ['擎', 'qing'], ['锐', 'rui'],
  ['湾', 'wan'], ['青', 'qing'], ['禾', 'he'], ['元', 'yuan'], ['沐', 'mu'], ['光', 'guang'], ['驭', 'yu'], ['帆', 'fan'],
  ['晟', 'sheng'], ['达', 'da'], ['德', 'de'], ['玖', 'jiu'], ['安', 'an'], ['铂', 'bo'], ['川', 'chuan'], ['泽', 'ze'],
  ['科', 'ke'], ['朗', 'lang'], ['华', 'hua'], ['宏', 'hong'], ['润', 'run'], ['邦', 'bang'], ['易', 'yi'], ['创', 'chuang'],
  ['源', 'yuan'], ['泓', 'hong'], ['微', 'wei'], ['纳', 'na'], ['谷', 'gu'], ['新', 'xin'], ['永', 'yong'], ['橘', 'ju'],
  ['晨', 'chen'], ['曦', 'xi'], ['阳', 'yang'], ['楚', 'chu'], ['数', 'shu'], ['灵', 'ling'], ['犀', 'xi'], ['维', 'wei'],
  ['臻', 'zhen'], ['格', 'ge'], ['知', 'zhi'], ['行', 'xing'], ['锦', 'jin'], ['昭', 'zhao'], ['苍', 'cang'], ['磐', 'pan'],
  ['航', 'hang'], ['立', 'li'], ['方', 'fang'], ['凯', 'kai'], ['众', 'zhong'], ['诚', 'cheng'], ['益', 'yi'], ['康', 'kang'],
  ['和', 'he'], ['泰', 'tai'], ['诺', 'nuo'], ['通', 'tong'], ['赛', 'sai'], ['优', 'you'], ['联', 'lian'], ['力', 'li'],
  ['合', 'he'], ['骏', 'jun'], ['腾', 'teng'], ['展', 'zhan'], ['鹏', 'peng'], ['翔', 'xiang'], ['屹', 'yi'], ['巍', 'wei'],
  ['峻', 'jun'], ['浩', 'hao'], ['瀚', 'han'], ['清', 'qing'], ['欣', 'xin'], ['悦', 'yue'], ['正', 'zheng'], ['信', 'xin'],
  ['枫', 'feng'], ['松', 'song'], ['桐', 'tong'], ['晶', 'jing'], ['钧', 'jun'], ['铭', 'ming'], ['鑫', 'xin'], ['森', 'sen'],
  ['坤', 'kun'], ['乾', 'qian'], ['泉', 'quan'], ['洲', 'zhou'], ['屿', 'yu'], ['奥', 'ao'], ['普', 'pu'], ['远', 'yuan'],
  ['楠', 'nan'],
];

/**
 * Character pairs that spell a well-known firm's trade name (or one of the named entities'):
 * a trade name containing one is skipped. Any other resemblance to a real firm is coincidence.
 */
export const BLOCKED_TRADE_PAIRS: ReadonlySet<string> = new Set([
  '博云', '拓维', '华凯', '科力', '华润', '华晨', '华泰', '德赛', '格力', '方正', '光明', '新华', '恒瑞', '华安', '康泰', '润和',
  '信达', '华信', '安信', '华能', '泰康', '正泰', '科华', '汇川', '鹏鼎', '光启', '信维', '晶科', '阳光', '永鼎', '华峰', '恒力',
  '安泰', '润邦', '力合', '远大', '华菱', '中联', '三一', '楚天', '蓝思', '威胜', '华自', '景嘉', '梦洁', '隆平', '山河', '湘雅',
  '湘江', '岳麓', '芙蓉', '开福', '雨花', '望城', '浏阳', '宁乡', '长沙', '湖南', '天心', '星沙', '麓谷', '麓山', '湘潭', '华为',
  '腾讯', '联想', '海康', '立讯', '欣旺', '通威', '隆基', '亨通', '德力', '合力', '宏达', '易达', '诺和', '和信', '华源', '创维',
]);

/** Fictitious foreign investors of the Sino-foreign companies that host foreign R&D centers. */
export const FOREIGN_BRANDS: readonly (readonly [zh: string, en: string])[] = [
  ['诺德维克', 'Nordwick'], ['维特森', 'Wittsen'], ['莱茵菲尔', 'Rheinfeld'], ['伊斯特林', 'Eastling'], ['奥伦多', 'Orlendo'],
  ['萨瓦罗', 'Savaro'], ['克劳斯比', 'Krausby'], ['米勒森', 'Millerson'], ['卡森德', 'Carsende'], ['贝尔诺', 'Bellno'],
  ['霍尔姆', 'Holmvik'], ['阿斯特拉', 'Astrava'], ['弗雷登', 'Fredenby'], ['卢米纳', 'Luminar'], ['塔兰托', 'Talanto'],
  ['维克多利', 'Viktorli'], ['索伦森', 'Sorensby'], ['马尔凯', 'Marchetti'], ['科尔宾', 'Corbinet'], ['杜兰德', 'Durandel'],
];

/** An industry: its name in company names, and research topics for R&D institution names. */
export interface Industry {
  name: Message;
  topics: readonly Message[];
  /** Relative frequency among the city's enterprises. */
  weight: number;
  /** Its firms' class of GB/T 4754-2017 (国民经济行业分类). */
  code: string;
}

const t = (zh: string, en: string): Message => ({ zh, en });

export const INDUSTRIES: readonly Industry[] = [
  { name: t('工程机械', 'Construction Machinery'), topics: [t('电动化', 'Electrification'), t('液压控制', 'Hydraulic Control')], weight: 8, code: 'C3514' },
  { name: t('智能装备', 'Intelligent Equipment'), topics: [t('智能控制', 'Intelligent Control'), t('数字孪生', 'Digital Twin')], weight: 10, code: 'C3499' },
  { name: t('新材料', 'New Materials'), topics: [t('先进合金', 'Advanced Alloys'), t('复合材料', 'Composite Materials')], weight: 8, code: 'C3240' },
  { name: t('电池材料', 'Battery Materials'), topics: [t('正极材料', 'Cathode Materials'), t('固态电池', 'Solid-state Batteries')], weight: 4, code: 'C3985' },
  { name: t('生物医药', 'Biopharmaceutical'), topics: [t('创新药', 'Innovative Drugs'), t('细胞治疗', 'Cell Therapy')], weight: 6, code: 'C2761' },
  { name: t('医疗器械', 'Medical Devices'), topics: [t('医学影像', 'Medical Imaging'), t('体外诊断', 'In-vitro Diagnostics')], weight: 4, code: 'C3581' },
  { name: t('电子信息', 'Electronic Information'), topics: [t('新型显示', 'Advanced Displays'), t('传感器', 'Sensors')], weight: 8, code: 'C3974' },
  { name: t('软件', 'Software'), topics: [t('工业软件', 'Industrial Software'), t('信息安全', 'Information Security')], weight: 7, code: 'I6513' },
  { name: t('人工智能', 'Artificial Intelligence'), topics: [t('智能体', 'AI Agents'), t('具身智能', 'Embodied Intelligence')], weight: 7, code: 'I6519' },
  { name: t('集成电路', 'Integrated Circuits'), topics: [t('芯片设计', 'Chip Design'), t('先进封装', 'Advanced Packaging')], weight: 4, code: 'C3973' },
  { name: t('检验检测', 'Testing and Inspection'), topics: [t('精密测量', 'Precision Measurement'), t('计量校准', 'Metrology and Calibration')], weight: 6, code: 'M7452' },
  { name: t('仪器仪表', 'Instruments'), topics: [t('分析仪器', 'Analytical Instruments'), t('智能传感', 'Smart Sensing')], weight: 3, code: 'C4014' },
  { name: t('新能源', 'New Energy'), topics: [t('光伏', 'Photovoltaics'), t('氢能', 'Hydrogen Energy')], weight: 5, code: 'D4416' },
  { name: t('储能', 'Energy Storage'), topics: [t('储能系统', 'Storage Systems'), t('电池管理', 'Battery Management')], weight: 3, code: 'C3841' },
  { name: t('航空航天', 'Aerospace'), topics: [t('航空动力', 'Aero Propulsion'), t('卫星应用', 'Satellite Applications')], weight: 3, code: 'C3744' },
  { name: t('北斗导航', 'BeiDou Navigation'), topics: [t('高精度定位', 'High-precision Positioning'), t('时空数据', 'Spatio-temporal Data')], weight: 2, code: 'C3990' },
  { name: t('轨道交通', 'Rail Transit'), topics: [t('牵引系统', 'Traction Systems'), t('磁浮技术', 'Maglev Technology')], weight: 3, code: 'C3720' },
  { name: t('智能网联汽车', 'Intelligent Connected Vehicles'), topics: [t('自动驾驶', 'Autonomous Driving'), t('车联网', 'Vehicle Networking')], weight: 3, code: 'C3670' },
  { name: t('机器人', 'Robotics'), topics: [t('工业机器人', 'Industrial Robots'), t('服务机器人', 'Service Robots')], weight: 4, code: 'C3491' },
  { name: t('音视频', 'Audio and Video'), topics: [t('超高清视频', 'Ultra-HD Video'), t('虚拟制作', 'Virtual Production')], weight: 4, code: 'R8730' },
  { name: t('数字创意', 'Digital Creative'), topics: [t('数字内容', 'Digital Content'), t('交互设计', 'Interaction Design')], weight: 3, code: 'I6572' },
  { name: t('种业', 'Seed Industry'), topics: [t('分子育种', 'Molecular Breeding'), t('种质资源', 'Germplasm Resources')], weight: 2, code: 'A0511' },
  { name: t('食品', 'Food'), topics: [t('食品安全', 'Food Safety'), t('精深加工', 'Advanced Processing')], weight: 3, code: 'C1499' },
  // The chains' upstream and downstream firms, so each chain's contracts can flow along it.
  { name: t('液压件', 'Hydraulic Components'), topics: [t('电液控制', 'Electro-hydraulic Control'), t('液压泵阀', 'Hydraulic Pumps and Valves')], weight: 3, code: 'C3444' },
  { name: t('轴承', 'Bearings'), topics: [t('高端轴承', 'High-end Bearings'), t('精密传动', 'Precision Transmission')], weight: 2, code: 'C3451' },
  { name: t('设备租赁', 'Equipment Leasing'), topics: [t('设备物联', 'Equipment IoT'), t('智能运维', 'Intelligent Maintenance')], weight: 2, code: 'L7113' },
  { name: t('再制造', 'Remanufacturing'), topics: [t('再制造工艺', 'Remanufacturing Processes'), t('寿命评估', 'Service-life Assessment')], weight: 1, code: 'C4330' },
  { name: t('中药', 'Traditional Chinese Medicine'), topics: [t('中药资源', 'TCM Resources'), t('中药制剂', 'TCM Preparations')], weight: 2, code: 'C2740' },
  { name: t('体外诊断', 'In-vitro Diagnostics'), topics: [t('分子诊断', 'Molecular Diagnostics'), t('即时检测', 'Point-of-care Testing')], weight: 2, code: 'C2770' },
  { name: t('算力', 'Computing Power'), topics: [t('智能算力', 'AI Computing Power'), t('高性能计算', 'High-performance Computing')], weight: 2, code: 'I6550' },
  { name: t('环保', 'Environmental Protection'), topics: [t('固废资源化', 'Solid-waste Recycling'), t('水处理', 'Water Treatment')], weight: 3, code: 'N7723' },
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

/** Fields of the generated national platforms (全国重点实验室, 国家工程研究中心 …): 68, a field of its own for each laboratory of the 1× registry. */
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
  t('智能电网与能源互联网', 'Smart Grid and Energy Internet'), t('氢能与燃料电池', 'Hydrogen Energy and Fuel Cells'),
  t('精密制造与检测', 'Precision Manufacturing and Measurement'), t('高端轴承与传动', 'High-end Bearings and Transmission'),
  t('工程装备智能运维', 'Intelligent Maintenance of Engineering Equipment'), t('轻合金材料', 'Light Alloy Materials'),
  t('光电信息功能材料', 'Optoelectronic Functional Materials'), t('量子精密测量', 'Quantum Precision Measurement'),
  t('智能传感芯片', 'Smart Sensing Chips'), t('工业互联网安全', 'Industrial Internet Security'), t('分布式计算系统', 'Distributed Computing Systems'),
  t('多模态人工智能', 'Multimodal Artificial Intelligence'), t('自主无人系统', 'Autonomous Unmanned Systems'),
  t('先进轨道交通装备', 'Advanced Rail Transit Equipment'), t('磁浮交通技术', 'Maglev Transport Technology'), t('航空发动机材料', 'Aero-engine Materials'),
  t('空天信息感知', 'Aerospace Information Sensing'), t('新能源汽车动力系统', 'New-energy Vehicle Powertrains'),
  t('智能网联测试验证', 'Connected-vehicle Testing and Validation'), t('肿瘤精准诊疗', 'Precision Oncology'), t('创新药物研发', 'Innovative Drug Discovery'),
  t('细胞与基因治疗', 'Cell and Gene Therapy'), t('医疗装备与器械', 'Medical Equipment and Devices'), t('中医药现代化', 'Modernization of Traditional Chinese Medicine'),
  t('畜禽遗传育种', 'Livestock and Poultry Genetic Breeding'), t('油料作物改良', 'Oilseed Crop Improvement'), t('农业智能装备', 'Intelligent Agricultural Machinery'),
  t('生态修复与环境治理', 'Ecological Restoration and Environmental Governance'), t('固废资源化利用', 'Solid-waste Resource Utilization'),
  t('水环境安全', 'Water Environment Safety'), t('绿色建筑与智能建造', 'Green Building and Intelligent Construction'),
  t('岩土与地下工程', 'Geotechnical and Underground Engineering'), t('桥梁结构安全', 'Bridge Structural Safety'), t('超高清视频技术', 'Ultra-HD Video Technology'),
  t('数字内容生成', 'Digital Content Generation'), t('虚拟现实与交互', 'Virtual Reality and Interaction'), t('先进陶瓷材料', 'Advanced Ceramic Materials'),
  t('碳基材料与器件', 'Carbon-based Materials and Devices'), t('稀土功能材料', 'Rare-earth Functional Materials'), t('锂电回收与循环', 'Lithium Battery Recycling'),
  t('电力电子与电能变换', 'Power Electronics and Energy Conversion'), t('激光与光子制造', 'Laser and Photonic Manufacturing'),
  t('机器人感知与控制', 'Robot Perception and Control'), t('检验检测与计量', 'Testing, Inspection and Metrology'),
];

/** Industries whose firms partner with hospitals. */
export const MEDICAL_INDUSTRIES: readonly string[] = ['生物医药', '医疗器械'];
