import type { FourGlobalFeature } from '../../domain/fourGlobal.js';
import type { GenContext } from './genContext.js';
import { COUNTRIES } from './vocabulary.js';

/**
 * Evidence texts for "four global" (四个全球) claims, in the words a reviewer's file would use.
 * The figures and countries are invented.
 */
export function evidenceFor(g: GenContext, feature: FourGlobalFeature): string {
  const [c1, c2] = g.rng.sample(COUNTRIES, 2);
  const n = g.rng.int(2, 12);
  const home = g.cityShort.zh;
  const templates: Record<FourGlobalFeature, readonly string[]> = {
    global_layout: [
      `在${c1}设立海外研发分支机构，与${home}总部协同开展研发`,
      `与${c1}合作伙伴共建联合实验室，形成跨国研发布局`,
      `在${c1}、${c2}设立技术服务与研发站点`,
    ],
    global_tasks: [
      `承接${c1}客户委托研发项目${n}项，合同金额${g.rng.int(80, 3000)}万元`,
      `参与${n}项国际标准制修订`,
      `牵头与${c1}合作的国际科技合作项目${g.rng.int(1, 4)}项`,
    ],
    global_resources: [
      `引进海外高层次人才${n}名，外籍研发人员占比${g.rng.int(5, 30)}%`,
      `与${c1}高校和科研机构共享试验设备与数据资源`,
      `在${c1}设立海外人才工作站，柔性引进外籍专家${n}名`,
    ],
    global_results: [
      `PCT国际专利申请${n + 5}件，其中${n}件已在海外获得授权`,
      `产品和技术出口至${n + 8}个国家和地区`,
      `研发成果在${c1}、${c2}实现转化应用`,
    ],
  };
  return g.rng.pick(templates[feature]);
}
