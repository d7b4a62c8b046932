import type { FourGlobalFeature } from '../../domain/fourGlobal.js';
import type { Random } from './random.js';
import { COUNTRIES } from './vocabulary.js';

/**
 * Evidence texts for "four global" (四个全球) claims, in the words a reviewer's file would use.
 * The figures and countries are invented.
 */
export function evidenceFor(rng: Random, home: string, feature: FourGlobalFeature): string {
  const first = rng.int(0, COUNTRIES.length - 1);
  const second = (first + rng.int(1, COUNTRIES.length - 1)) % COUNTRIES.length;
  const words: Words = { home, c1: COUNTRIES[first] ?? '', c2: COUNTRIES[second] ?? '', n: rng.int(2, 12), rng };
  return rng.pick(TEMPLATES[feature])(words);
}

interface Words {
  home: string;
  /** Two different countries. */
  c1: string;
  c2: string;
  n: number;
  rng: Random;
}

/** Only the chosen template is written out: the 100× registry has half a million institutions. */
const TEMPLATES: Record<FourGlobalFeature, readonly ((w: Words) => string)[]> = {
  global_layout: [
    ({ c1, home }) => `在${c1}设立海外研发分支机构，与${home}总部协同开展研发`,
    ({ c1 }) => `与${c1}合作伙伴共建联合实验室，形成跨国研发布局`,
    ({ c1, c2 }) => `在${c1}、${c2}设立技术服务与研发站点`,
  ],
  global_tasks: [
    ({ c1, n, rng }) => `承接${c1}客户委托研发项目${n}项，合同金额${rng.int(80, 3000)}万元`,
    ({ n }) => `参与${n}项国际标准制修订`,
    ({ c1, rng }) => `牵头与${c1}合作的国际科技合作项目${rng.int(1, 4)}项`,
  ],
  global_resources: [
    ({ n, rng }) => `引进海外高层次人才${n}名，外籍研发人员占比${rng.int(5, 30)}%`,
    ({ c1 }) => `与${c1}高校和科研机构共享试验设备与数据资源`,
    ({ c1, n }) => `在${c1}设立海外人才工作站，柔性引进外籍专家${n}名`,
  ],
  global_results: [
    ({ n }) => `PCT国际专利申请${n + 5}件，其中${n}件已在海外获得授权`,
    ({ n }) => `产品和技术出口至${n + 8}个国家和地区`,
    ({ c1, c2 }) => `研发成果在${c1}、${c2}实现转化应用`,
  ],
};
