import type { FeatureClaimInput } from '../../domain/recordRules.js';
import { fourGlobalFeatureCodes, fourGlobalFeatures, type FourGlobalFeature } from '../../domain/fourGlobal.js';
import { violation, type RuleViolation } from '../../domain/message.js';

/**
 * The "four global" (四个全球) columns of an R&D institution file: `<feature>` yes/no,
 * `<feature>_evidence` and `<feature>_confirmed_on`. How a row reads:
 *
 * | yes/no | evidence | confirmed on | claim                                                 |
 * |--------|----------|--------------|-------------------------------------------------------|
 * | 是     | any      | any          | confirmed, on the date given or else the import's day |
 * | empty  | any      | given        | confirmed on that date                                |
 * | 否/empty| given   | empty        | pending: evidence kept, not confirmed                 |
 * | 否     | empty    | empty        | none: a stored claim is cleared                       |
 * | empty  | empty    | empty        | not given: a stored claim is left as it is            |
 * | 否     | any      | given        | refused: a date confirms what 否 denies               |
 *
 * A confirmed claim without evidence gets a provenance text naming the file and line, so that
 * no confirmation stands on nothing; the writer fills it (and the import day) in.
 */
export type ImportedClaim =
  | {
      status: 'confirmed';
      /** null: the writer uses {@link claimProvenance}. */
      evidence: string | null;
      /** null: the writer uses the import's day. */
      confirmed_on: string | null;
    }
  | { status: 'pending'; evidence: string };

/** Per feature: a claim, null (clear the stored one) or absent (leave it). */
export type ImportedClaims = Partial<Record<FourGlobalFeature, ImportedClaim | null>>;

export interface FeatureCells {
  claimed: boolean | null;
  evidence: string | null;
  confirmedOn: string | null;
}

export type ClaimResult = { ok: true; claim: ImportedClaim | null | undefined } | { ok: false; violation: RuleViolation };

export function readClaim(feature: FourGlobalFeature, cells: FeatureCells): ClaimResult {
  const { claimed, evidence, confirmedOn } = cells;
  if (claimed === false && confirmedOn !== null) {
    const label = fourGlobalFeatures[feature];
    return {
      ok: false,
      violation: violation(
        'four_global.date_without_claim',
        `“${label.zh}”填了“否”，却有确认日期 ${confirmedOn}`,
        `"${label.en}" says no, yet has a confirmation date ${confirmedOn}`,
        { feature, confirmedOn },
      ),
    };
  }
  if (claimed === true || confirmedOn !== null) return { ok: true, claim: { status: 'confirmed', evidence, confirmed_on: confirmedOn } };
  if (evidence !== null) return { ok: true, claim: { status: 'pending', evidence } };
  return { ok: true, claim: claimed === false ? null : undefined };
}

const MAX_FILE_NAME_CHARS = 200;

/** The evidence of a confirmation the file gave without one: 「依据导入文件“X”第 N 行」. */
export function claimProvenance(fileName: string, line: number): string {
  const name = fileName.length > MAX_FILE_NAME_CHARS ? `${fileName.slice(0, MAX_FILE_NAME_CHARS - 1)}…` : fileName;
  return `依据导入文件“${name}”第 ${line} 行（imported from file "${name}", line ${line}）`;
}

/** A claim as stored: what the writer saves, given the import's day and the row's origin. */
export function resolveClaim(claim: ImportedClaim | null, origin: { importDate: string; fileName: string; line: number }): { evidence: string | null; confirmed_on: string | null } {
  if (claim === null) return { evidence: null, confirmed_on: null };
  if (claim.status === 'pending') return { evidence: claim.evidence, confirmed_on: null };
  return { evidence: claim.evidence ?? claimProvenance(origin.fileName, origin.line), confirmed_on: claim.confirmed_on ?? origin.importDate };
}

/** The claims as the domain rule judges them, `today` standing in for the import's day. */
export function claimsForRules(claims: ImportedClaims, origin: { today: string; fileName: string; line: number }): Partial<Record<FourGlobalFeature, FeatureClaimInput | null>> {
  const out: Partial<Record<FourGlobalFeature, FeatureClaimInput | null>> = {};
  for (const f of fourGlobalFeatureCodes) {
    const claim = claims[f];
    if (claim !== undefined) out[f] = resolveClaim(claim, { importDate: origin.today, fileName: origin.fileName, line: origin.line });
  }
  return out;
}
