import { DEMO_AS_OF, STREAM, type GenContext } from './genContext.js';
import { roleOf, type Population } from './population.js';
import { earlierOf, validityEnd, yearOfDays, type Random } from './random.js';
import type { DemoQualification } from './types.js';

/**
 * Qualifications (资质) of generated organization `i`: one tech-based SME registration per year on
 * the list (the list is evaluated yearly, valid to the year's end), three-year high-tech enterprise
 * certificates (often renewed), "little giant" titles with their re-reviews and S&T leading
 * enterprise designations. Which years and titles come from the population, so the counts the
 * report publishes are fixed there; the dates come from the organization's own random stream.
 */
export function qualificationsOf(g: GenContext, p: Population, i: number, uscc: string, district: string): DemoQualification[] {
  const rng = g.recordRandom(STREAM.qualification, i);
  const held = (qualification: DemoQualification['qualification'], certificate_no: string | null, valid_from: string, valid_to: string | null) =>
    ({ uscc, qualification, certificate_no, valid_from, valid_to }) satisfies DemoQualification;
  const out: DemoQualification[] = [];

  for (let y = p.smeFrom[i] ?? 0; y > 0 && y <= (p.smeTo[i] ?? 0); y++) {
    out.push(held('tech_sme', `${y}${district}${serial(rng, 5)}`, upTo(rng, `${y}-03-01`, `${y}-10-31`), `${y}-12-31`));
  }
  const province = g.city.code.slice(0, 2);
  for (const y of highTechYears(rng, p, i)) {
    const from = upTo(rng, `${y}-10-01`, `${y}-12-31`);
    out.push(held('high_tech_enterprise', `GR${y}${province}${serial(rng, 6)}`, from, validityEnd(from, 3)));
  }
  for (let k = 0; k < (p.giantCertificates[i] ?? 0); k++) {
    const from = upTo(rng, `${(p.giantFrom[i] ?? 0) + 3 * k}-07-01`, `${(p.giantFrom[i] ?? 0) + 3 * k}-08-31`);
    out.push(held('little_giant', null, from, validityEnd(from, 3)));
  }
  const leading = p.leadingFrom[i] ?? 0;
  if (leading > 0) out.push(held('sci_tech_leading_enterprise', null, upTo(rng, `${leading}-03-01`, `${leading}-06-30`), null));
  return out;
}

const LAST_YEAR = Number(DEMO_AS_OF.slice(0, 4));

/** A date in [from, to], but never after the demo day. */
const upTo = (rng: Random, from: string, to: string) => rng.dateBetween(from, earlierOf(to, DEMO_AS_OF));

function serial(rng: Random, digits: number): string {
  return String(rng.int(1, 10 ** digits - 1)).padStart(digits, '0');
}

/** Who holds a high-tech enterprise certificate (高新技术企业), by role. */
const HIGH_TECH_SHARE: Record<string, number> = { sme: 0.42, large: 0.85, foreign: 0.5 };

/**
 * Years of high-tech enterprise certificates: the first at least a year after founding (and not
 * before a tech SME's first registration), then renewed every three years by most holders.
 */
function highTechYears(rng: Random, p: Population, i: number): number[] {
  const role = roleOf(p, i);
  if (!rng.chance(HIGH_TECH_SHARE[role] ?? 0)) return [];
  const earliest = Math.max(2016, yearOfDays(p.founded[i] ?? 0) + 1, role === 'sme' ? (p.smeFrom[i] ?? 0) : 0);
  const years: number[] = [];
  for (let y = earliest + rng.int(0, role === 'large' ? 2 : 3); y <= LAST_YEAR; y += 3) {
    years.push(y);
    if (!rng.chance(0.8)) break;
  }
  return years;
}
