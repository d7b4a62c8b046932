import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCity, loadIndustrialChains } from '../config.js';
import { compileSegmentMapper, feedCycle, type ChainSegment, industrialChainProblems, KeywordMatcher, type IndustrialChains, type KnownCodes } from './industrialChain.js';

const known: KnownCodes = {
  technologyFields: new Set(['electronic_information', 'new_energy']),
  kinds: new Set(['enterprise', 'hospital']),
  qualifications: new Set(['high_tech_enterprise', 'little_giant']),
};

// Valid credit codes (GB 32100 check characters), as the demo writes them.
const SANY = '91430121DEM000225W';
const ZOOMLION = '91430104DEM0002334';

function chains(): IndustrialChains {
  return {
    chains: [
      {
        id: 'machinery',
        name: { zh: '工程机械', en: 'Machinery' },
        segments: [
          { id: 'parts', name: { zh: '零部件', en: 'Parts' }, position: 'upstream', feeds: ['machines'], rules: [{ keywords: ['液压', 'Hydraulic'] }] },
          { id: 'machines', name: { zh: '整机', en: 'Machines' }, position: 'midstream', feeds: ['service'], rules: [{ keywords: ['工程机械'] }, { keywords: ['智能'], technologyFields: ['electronic_information'], kinds: ['enterprise'] }] },
          { id: 'service', name: { zh: '服务', en: 'Service' }, position: 'downstream', feeds: [], rules: [{ kinds: ['hospital'] }, { qualifications: ['little_giant'], keywords: ['运维'] }, { industryCodes: ['L7113', 'C433'] }] },
        ],
      },
    ],
    handMapping: [{ uscc: SANY, segments: ['parts', 'service'] }],
  };
}

describe('industrialChainProblems', () => {
  it('finds none in a sound configuration, nor in the shipped one', () => {
    expect(industrialChainProblems(chains(), known)).toEqual([]);
    const shipped = loadIndustrialChains(loadCity('changsha'));
    expect(shipped.chains.map((c) => c.id)).toEqual(['construction_machinery', 'electronic_information', 'energy_storage_materials', 'biomedicine', 'artificial_intelligence']);
    for (const chain of shipped.chains) expect(new Set(chain.segments.map((s) => s.position))).toEqual(new Set(['upstream', 'midstream', 'downstream']));
  });

  it('names every problem at once: duplicate ids, unknown segments and codes, a cycle, a bad credit code', () => {
    const c = chains();
    const [parts, machines, service] = c.chains[0]!.segments as [ChainSegment, ChainSegment, ChainSegment];
    c.chains.push({ id: 'machinery', name: { zh: '重复', en: 'Again' }, segments: [{ ...parts, feeds: [] }] });
    service.feeds = ['parts'];
    machines.rules.push({ technologyFields: ['quantum'], kinds: ['spaceship'], qualifications: ['knighthood'] }, {}, { keywords: [] });
    c.handMapping.push({ uscc: SANY, segments: ['nowhere'] }, { uscc: '91430121DEM000225X', segments: ['parts'] });
    const problems = industrialChainProblems(c, known);
    expect(problems).toEqual([
      'chains: the id "machinery" is used twice',
      'chains: the segment id "parts" is used twice',
      'chains[0].segments[1] (machines).rules[2].technologyFields: unknown code "quantum"',
      'chains[0].segments[1] (machines).rules[2].kinds: unknown code "spaceship"',
      'chains[0].segments[1] (machines).rules[2].qualifications: unknown code "knighthood"',
      'chains[0].segments[1] (machines).rules[3]: a rule needs keywords, industryCodes, technologyFields, kinds or qualifications',
      'chains[0].segments[1] (machines).rules[4]: an empty list matches nothing; leave the clause out',
      'chains[0] (machinery): the segments feed each other in a cycle: parts → machines → service → parts',
      `handMapping[1] (${SANY}): the organization is mapped twice`,
      `handMapping[1] (${SANY}): unknown segment "nowhere"`,
      'handMapping[2] (91430121DEM000225X): not a valid unified social credit code',
    ]);
  });

  it('refuses a segment fed across chains, an unknown fed segment and a chain without segments', () => {
    const c = chains();
    c.chains.push({ id: 'empty', name: { zh: '空', en: 'Empty' }, segments: [] });
    c.chains.push({ id: 'other', name: { zh: '其他', en: 'Other' }, segments: [{ id: 'o1', name: { zh: '甲', en: 'A' }, position: 'upstream', feeds: ['parts', 'ghost'], rules: [{ keywords: ['x'] }] }] });
    expect(industrialChainProblems(c, known)).toEqual([
      'chains[1] (empty): has no segments',
      'chains[2].segments[0] (o1).feeds: "parts" is a segment of another chain',
      'chains[2].segments[0] (o1).feeds: unknown segment "ghost"',
    ]);
  });
});

describe('feedCycle', () => {
  it('finds a segment feeding itself and none in a chain that only flows down', () => {
    const c = chains().chains[0]!;
    expect(feedCycle(c)).toBeNull();
    c.segments[1]!.feeds.push('machines');
    expect(feedCycle(c)).toEqual(['machines', 'machines']);
  });
});

describe('loadIndustrialChains', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chains-'));
  const write = (body: unknown) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(body));
    return file;
  };
  const city = loadCity('changsha');

  it('gives a city without a chains file no chains', () => {
    expect(loadIndustrialChains({ ...city, code: '110100' })).toEqual({ chains: [], handMapping: [] });
  });

  it('names every shape problem of the file at once: a missing name, a bad position, an unknown key', () => {
    const file = write({ chains: [{ id: 'a', segments: [{ id: 'b', name: { zh: '乙' }, position: 'sideways', rules: [{ keyword: ['x'] }] }] }] });
    const err = (() => {
      try {
        loadIndustrialChains(city, file);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(err).toContain('chains[0].name');
    expect(err).toContain('chains[0].segments[0].name.en');
    expect(err).toContain('chains[0].segments[0].position');
    expect(err).toContain('keyword');
  });

  it('names the shape problems and the reference problems of one file together', () => {
    const file = write({
      chains: [
        {
          id: 'a',
          name: { zh: '甲' },
          segments: [
            { id: 'b', name: { zh: '乙', en: 'B' }, position: 'upstream', feeds: ['c'], rules: [{ keywords: ['x'] }] },
            { id: 'c', name: { zh: '丙', en: 'C' }, position: 'downstream', feeds: ['b'], rules: [{ keywords: ['y'] }] },
          ],
        },
      ],
      handMapping: [{ uscc: SANY, segments: ['nowhere'] }],
    });
    expect(() => loadIndustrialChains(city, file)).toThrow(/3 problem\(s\):\n {2}- chains\[0\]\.name\.en: .*\n {2}- chains\[0\] \(a\): the segments feed each other in a cycle: b → c → b\n {2}- handMapping\[0\] .*unknown segment "nowhere"/);
  });

  it('names every reference problem after the shape passes, and checks codes against the running configuration', () => {
    const file = write({
      chains: [{ id: 'a', name: { zh: '甲', en: 'A' }, segments: [{ id: 'b', name: { zh: '乙', en: 'B' }, position: 'upstream', rules: [{ technologyFields: ['alchemy'] }] }] }],
      handMapping: [{ uscc: SANY, segments: ['c'] }],
    });
    expect(() => loadIndustrialChains(city, file)).toThrow(/2 problem\(s\):\n {2}- chains\[0\]\.segments\[0\] \(b\)\.rules\[0\]\.technologyFields: unknown code "alchemy"\n {2}- handMapping\[0\] .*unknown segment "c"/);
  });

  it('stops the start naming every industry code that is no GB/T 4754 section, division, group or class', () => {
    const file = write({
      chains: [{ id: 'a', name: { zh: '甲', en: 'A' }, segments: [{ id: 'b', name: { zh: '乙', en: 'B' }, position: 'upstream', rules: [{ industryCodes: ['C35', '3514', 'C0511', 'C351'] }, { industryCodes: ['X12'] }] }] }],
    });
    expect(() => loadIndustrialChains(city, file)).toThrow(
      /3 problem\(s\):\n {2}- chains\[0\]\.segments\[0\] \(b\)\.rules\[0\]\.industryCodes: "3514" is not .*\n {2}- chains\[0\]\.segments\[0\] \(b\)\.rules\[0\]\.industryCodes: "C0511" is not .*\n {2}- chains\[0\]\.segments\[0\] \(b\)\.rules\[1\]\.industryCodes: "X12" is not /,
    );
  });
});

describe('KeywordMatcher', () => {
  it('finds overlapping and nested keywords, case-insensitively, each once', () => {
    const m = new KeywordMatcher(['锂电', '锂电池', '电池材料', 'Chip', 'hip']);
    expect([...m.find('长沙锂电池材料有限公司')].sort()).toEqual([0, 1, 2]);
    expect([...m.find('CHIP and chip design')].sort()).toEqual([3, 4]);
    expect([...m.find('无关公司')]).toEqual([]);
  });

  it('follows failure links across a partial match (Aho–Corasick)', () => {
    const m = new KeywordMatcher(['he', 'she', 'his', 'hers']);
    expect([...m.find('ushers')].sort()).toEqual([0, 1, 3]);
    expect([...m.find('ahishe')].sort()).toEqual([0, 1, 2]);
  });

  it('finds what a search for each keyword finds, on generated names over the shipped and random keywords', () => {
    const next = seeded(15);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const shipped = loadIndustrialChains(loadCity('changsha')).chains.flatMap((c) => c.segments.flatMap((s) => s.rules.flatMap((r) => r.keywords ?? [])));
    const letters = ['锂', '电', '池', '材', '料', '芯', '片', 'a', 'B', 'c', 'İ', '𠀋', '液', '压'];
    const word = (n: number) => Array.from({ length: n }, () => pick(letters)).join('');
    const random = Array.from({ length: 40 }, () => word(1 + Math.floor(next() * 3)));
    for (const keywords of [shipped, random]) {
      const matcher = new KeywordMatcher(keywords);
      const simple = (text: string) => keywords.flatMap((k, i) => (text.toLowerCase().includes(k.toLowerCase()) ? [i] : []));
      // Names made of keywords, their pieces and other characters, so matches overlap and break off.
      const piece = () => (next() < 0.5 ? pick(keywords).slice(0, 1 + Math.floor(next() * 3)) : word(1 + Math.floor(next() * 2)));
      for (let n = 0; n < 1000; n++) {
        const name = Array.from({ length: 1 + Math.floor(next() * 6) }, piece).join('');
        expect([...matcher.find(name)].sort((a, b) => a - b), name).toEqual(simple(name));
      }
    }
  });
});

/** A seeded generator (mulberry32), so a failing name shows again. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compileSegmentMapper', () => {
  const mapper = compileSegmentMapper(chains());

  it('maps by keyword in the Chinese or English name', () => {
    expect(mapper.byRules({ name: '麓云液压科技有限公司' })).toEqual(['parts']);
    expect(mapper.byRules({ name: '某公司', nameEn: 'Yun HYDRAULIC Co.' })).toEqual(['parts']);
    expect(mapper.byRules({ name: '麓云液压工程机械有限公司' })).toEqual(['parts', 'machines']);
    expect(mapper.byRules({ name: '无关有限公司' })).toEqual([]);
  });

  it('needs every clause of a rule: keyword, technology field and kind together', () => {
    const base = { name: '星驰智能科技有限公司', kind: 'enterprise', technologyFields: ['electronic_information'] };
    expect(mapper.byRules(base)).toEqual(['machines']);
    expect(mapper.byRules({ ...base, technologyFields: ['new_energy'] })).toEqual([]);
    expect(mapper.byRules({ ...base, kind: 'hospital' })).toEqual(['service']);
    expect(mapper.byRules({ ...base, kind: null })).toEqual([]);
  });

  it('maps by kind alone, and by a qualification held with a keyword', () => {
    expect(mapper.byRules({ name: '某医院', kind: 'hospital' })).toEqual(['service']);
    expect(mapper.byRules({ name: '湘运维科技', qualifications: ['little_giant'] })).toEqual(['service']);
    expect(mapper.byRules({ name: '湘运维科技', qualifications: ['high_tech_enterprise'] })).toEqual([]);
  });

  it('maps by industry code: a rule’s section, division, group or class starts the organization’s class', () => {
    expect(mapper.byRules({ name: '星驰设备有限公司', industryCode: 'L7113' })).toEqual(['service']);
    expect(mapper.byRules({ name: '星驰设备有限公司', industryCode: 'C4330' })).toEqual(['service']);
    expect(mapper.byRules({ name: '星驰设备有限公司', industryCode: 'L7119' })).toEqual([]);
    expect(mapper.byRules({ name: '星驰设备有限公司', industryCode: null })).toEqual([]);
    expect(mapper.byRules({ name: '星驰设备有限公司' })).toEqual([]);
  });

  it('lets the hand mapping win over the rules', () => {
    expect(mapper.organization(SANY, { name: '三一工程机械' })).toEqual(['parts', 'service']);
    expect(mapper.organization(ZOOMLION, { name: '中联工程机械' })).toEqual(['machines']);
    expect(mapper.byHand(SANY)).toEqual(['parts', 'service']);
    expect(mapper.byHand(ZOOMLION)).toBeUndefined();
  });

  it('maps the shipped configuration’s demo names to the segments their industry belongs to', () => {
    const shipped = compileSegmentMapper(loadIndustrialChains(loadCity('changsha')));
    expect(shipped.byRules({ name: '麓云工程机械科技有限公司' })).toEqual(['cm_machines']);
    expect(shipped.byRules({ name: '星驰集成电路技术有限公司' })).toEqual(['ei_semiconductors']);
    expect(shipped.byRules({ name: '湘芯电池材料有限公司' })).toEqual(['esm_battery_materials']);
    expect(shipped.byRules({ name: '某医院', kind: 'hospital' })).toEqual(['bio_care']);
    expect(shipped.byRules({ name: '国家超级计算长沙中心' })).toEqual(['ai_compute']);
    expect(shipped.organization(SANY, { name: '三一重工股份有限公司' })).toEqual(['cm_machines']);
    // A firm whose name says nothing of its trade, placed by its industry code.
    expect(shipped.byRules({ name: '星驰科技有限公司', industryCode: 'C3444' })).toEqual(['cm_core_parts']);
    expect(shipped.byRules({ name: '星驰科技有限公司', industryCode: 'L7113' })).toEqual(['cm_services']);
    expect(shipped.byRules({ name: '某医院', kind: 'hospital', industryCode: 'Q8415' })).toEqual(['bio_care']);
  });
});
