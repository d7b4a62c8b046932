// The import benchmark's files: N organizations and N R&D institutions hosted by them, as CSV in
// UTF-8 with the canonical headers. Seeded, so every run and both engines read the same
// bytes; credit codes carry valid check characters, so every row passes validation. Written as a
// stream: a million rows never sit in memory here either.
import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { random } from '../random.mjs';

const dist = new URL('../../dist/server/', import.meta.url);

const KINDS = ['enterprise', 'enterprise', 'enterprise', 'enterprise', 'enterprise', 'enterprise', 'research_institute', 'university', 'new_type_rd_institution', 'hospital'];
const PLACES = ['长沙', '湖南', '星城', '麓谷', '湘江', '岳麓山', '橘洲', '浏阳河', '芙蓉', '望城'];
const CORES = ['华创', '博远', '中联', '新锐', '智源', '恒达', '天成', '科睿', '瑞丰', '德润', '云帆', '晟泰', '启明', '英特', '远大'];
const TRADES = ['智能科技', '生物医药', '新材料', '电子信息', '装备制造', '软件', '光电', '环保科技', '数据服务', '汽车零部件', '航空航天', '检测认证'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const ROADS = ['麓谷大道', '岳麓大道', '芙蓉中路', '人民东路', '黄兴大道', '金星北路', '东二环', '韶山南路'];
const CENTRES = ['工程技术研究中心', '企业技术中心', '研究院', '重点实验室', '研发中心', '创新中心'];
const CATEGORIES = ['enterprise_rd_center', 'enterprise_rd_center', 'enterprise_rd_center', 'new_type_rd_institution', 'foreign_rd_center', 'academic_rd_institution', 'other'];
const LEVELS = ['national', 'provincial', 'provincial', 'municipal', 'municipal', 'municipal', 'none'];

export const ORGANIZATION_COLUMNS = ['uscc', 'name', 'name_en', 'kind', 'district_code', 'zone', 'founded_on', 'address'];
export const INSTITUTION_COLUMNS = ['host_uscc', 'name', 'category', 'level', 'established_on', 'district_code', 'zone', 'global_layout', 'global_tasks', 'global_resources', 'global_results'];

const pad = (n) => String(n).padStart(2, '0');

async function writeLines(path, header, count, line) {
  const out = createWriteStream(path);
  let chunk = `${header.join(',')}\n`;
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes organizations.csv and rd_institutions.csv of `count` rows each into `dir`; returns their paths. */
export async function generateImportFiles(dir, count, city) {
  const { orgCodeCheckCharacter, usccCheckCharacter } = await import(new URL('domain/uscc.js', dist).href);
  const uscc = (i) => {
    // 'B' keeps these codes apart from the demo's and the API bench's ('Q').
    const orgCode = `B${String(i).padStart(7, '0')}`;
    const first17 = `91430100${orgCode}${orgCodeCheckCharacter(orgCode)}`;
    return first17 + usccCheckCharacter(first17);
  };
  const next = random(20261126);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const date = (from, span) => `${from + Math.floor(next() * span)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
  const districts = city.districts.map((d) => d.code);
  const zones = city.zones.map((z) => z.code);
  const organizations = `${dir}/organizations.csv`;
  const institutions = `${dir}/rd_institutions.csv`;

  const firstLines = [];
  await writeLines(organizations, ORGANIZATION_COLUMNS, count, (i) => {
    const district = pick(districts);
    const name = `${pick(PLACES)}${pick(CORES)}${pick(TRADES)}${i}${pick(SUFFIXES)}`;
    const address = `长沙市${pick(ROADS)}${1 + Math.floor(next() * 999)}号`;
    const line = [uscc(i + 1), name, '', pick(KINDS), district, next() < 0.4 ? pick(zones) : '', date(1990, 35), address].join(',');
    if (i < 2) firstLines.push(line);
    return line;
  });
  await writeLines(institutions, INSTITUTION_COLUMNS, count, (i) => {
    // Each organization hosts one institution, in an order unrelated to the file's.
    const host = 1 + ((i * 7919) % count);
    const flags = [0.6, 0.3, 0.4, 0.25].map((p) => (next() < p ? '1' : '0'));
    return [uscc(host), `${pick(CORES)}${pick(CENTRES)}${i}`, pick(CATEGORIES), pick(LEVELS), date(2000, 25), pick(districts), next() < 0.5 ? pick(zones) : '', ...flags].join(',');
  });
  // Two rows: what a `starcity import` costs in memory before any real work (the baseline).
  const tiny = `${dir}/tiny.csv`;
  writeFileSync(tiny, [ORGANIZATION_COLUMNS.join(','), ...firstLines, ''].join('\n'));
  return { organizations, institutions, tiny };
}
