import type {
  Achievement,
  AchievementCreate,
  AchievementPatch,
  Incubation,
  IncubationCreate,
  IncubationPatch,
  Project,
  ProjectCreate,
  ProjectPatch,
  Transfer,
  TransferCreate,
  TransferPatch,
} from '../../../../src/contracts/achievements';
import { achievementFlagCodes, type AchievementFlag, type ProjectStatus, type TransferMode } from '../../../../src/domain/achievement';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull, withoutEmpty } from '../../form/formModel';
import { amountInput } from '../techContracts/money';

/**
 * The forms of key-technology projects, achievements, transfers and incubations (攻关项目、科技成果、
 * 成果转化、孵化企业) as antd holds them, and the bodies they send. Lists of organizations are
 * compared by value: a PATCH carries them only when the list really changed.
 */

/** An organization list as the form holds it (ids in order), sent whole when it differs. */
const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
function withIds<T extends Record<string, unknown>>(patch: Partial<T>, key: keyof T, before: readonly number[], after: readonly number[]): Partial<T> {
  const { [key]: _, ...rest } = patch;
  return (sameIds(before, after) ? rest : { ...rest, [key]: [...after] }) as Partial<T>;
}

// ── Projects ──────────────────────────────────────────────────────────────────────────────────
export interface ProjectValues {
  title: string;
  lead_org_id: number | null;
  partner_org_ids: number[];
  programme: string | null;
  budget: string;
  start_on: string | null;
  end_on: string | null;
  status: ProjectStatus | null;
  platform_id: number | null;
}
export const projectFieldPaths = ['title', 'lead_org_id', 'partner_org_ids', 'programme', 'budget', 'start_on', 'end_on', 'status', 'platform_id'] as const;

export function projectValues(p?: Project): ProjectValues {
  return {
    title: p?.title ?? '',
    lead_org_id: p?.lead_org_id ?? null,
    partner_org_ids: p?.partner_org_ids ?? [],
    programme: p?.programme ?? null,
    budget: p?.budget ?? '',
    start_on: p?.start_on ?? null,
    end_on: p?.end_on ?? null,
    // Most projects entered are under way.
    status: p?.status ?? 'ongoing',
    platform_id: p?.platform_id ?? null,
  };
}

function projectBody(v: ProjectValues): Draft<Omit<ProjectCreate, 'partner_org_ids'>> {
  return {
    title: v.title,
    lead_org_id: valueOrNull(v.lead_org_id),
    programme: valueOrNull(v.programme),
    budget: textOrNull(amountInput(v.budget)),
    start_on: valueOrNull(v.start_on),
    end_on: valueOrNull(v.end_on),
    status: valueOrNull(v.status),
    platform_id: valueOrNull(v.platform_id),
  };
}

export const projectCreate = (v: ProjectValues): Draft<ProjectCreate> => ({
  ...withoutEmpty(projectBody(v), ['lead_org_id', 'programme', 'budget', 'start_on', 'end_on', 'status']),
  partner_org_ids: [...v.partner_org_ids],
});
export const projectPatch = (before: ProjectValues, after: ProjectValues): Draft<ProjectPatch> =>
  withIds<Draft<ProjectPatch>>(changedFields(projectBody(before), projectBody(after)), 'partner_org_ids', before.partner_org_ids, after.partner_org_ids);

// ── Achievements ──────────────────────────────────────────────────────────────────────────────
export interface AchievementValues {
  title: string;
  type: string | null;
  /** The claims ticked (卡脖子, 首台套 …). */
  flags: AchievementFlag[];
  year: number | null;
  /** The owner (first) and the other organizations. */
  owner_org_id: number | null;
  other_org_ids: number[];
  project_id: number | null;
  evidence: string;
}
/** Form fields; a problem with the organization list (`organization_ids`) is shown above the form. */
export const achievementFieldPaths = ['title', 'type', 'flags', 'year', 'owner_org_id', 'other_org_ids', 'project_id', 'evidence'] as const;

export function achievementValues(a?: Achievement): AchievementValues {
  return {
    title: a?.title ?? '',
    type: a?.type ?? null,
    flags: a ? achievementFlagCodes.filter((f) => a[f]) : [],
    year: a?.year ?? null,
    owner_org_id: a?.owner_org_id ?? null,
    other_org_ids: a?.organization_ids.slice(1) ?? [],
    project_id: a?.project_id ?? null,
    evidence: textValue(a?.evidence),
  };
}

const organizationIds = (v: AchievementValues): number[] => (v.owner_org_id === null ? [] : [v.owner_org_id, ...v.other_org_ids]);

function achievementBody(v: AchievementValues): Draft<Omit<AchievementCreate, 'organization_ids'>> {
  return {
    title: v.title,
    type: valueOrNull(v.type),
    ...Object.fromEntries(achievementFlagCodes.map((f) => [f, v.flags.includes(f)])),
    year: valueOrNull(v.year),
    project_id: valueOrNull(v.project_id),
    evidence: textOrNull(v.evidence),
  };
}

export const achievementCreate = (v: AchievementValues): Draft<AchievementCreate> => ({ ...withoutEmpty(achievementBody(v), ['type', 'year']), organization_ids: organizationIds(v) });
export const achievementPatch = (before: AchievementValues, after: AchievementValues): Draft<AchievementPatch> =>
  withIds<Draft<AchievementPatch>>(changedFields(achievementBody(before), achievementBody(after)), 'organization_ids', organizationIds(before), organizationIds(after));

// ── Transfers ─────────────────────────────────────────────────────────────────────────────────
export interface TransferValues {
  achievement_id: number | null;
  receiver_org_id: number | null;
  mode: TransferMode | null;
  amount: string;
  transferred_on: string | null;
  tech_contract_id: number | null;
}
export const transferFieldPaths = ['achievement_id', 'receiver_org_id', 'mode', 'amount', 'transferred_on', 'tech_contract_id'] as const;

export const transferValues = (t?: Transfer): TransferValues => ({
  achievement_id: t?.achievement_id ?? null,
  receiver_org_id: t?.receiver_org_id ?? null,
  mode: t?.mode ?? null,
  amount: t?.amount ?? '',
  transferred_on: t?.transferred_on ?? null,
  tech_contract_id: t?.tech_contract_id ?? null,
});

const transferBody = (v: TransferValues): Draft<TransferCreate> => ({
  achievement_id: valueOrNull(v.achievement_id),
  receiver_org_id: valueOrNull(v.receiver_org_id),
  mode: valueOrNull(v.mode),
  amount: textOrNull(amountInput(v.amount)),
  transferred_on: valueOrNull(v.transferred_on),
  tech_contract_id: valueOrNull(v.tech_contract_id),
});
export const transferCreate = (v: TransferValues): Draft<TransferCreate> => withoutEmpty(transferBody(v), ['achievement_id', 'receiver_org_id', 'mode', 'amount', 'transferred_on']);
export const transferPatch = (before: TransferValues, after: TransferValues): Draft<TransferPatch> => changedFields(transferBody(before), transferBody(after));

// ── Incubations ───────────────────────────────────────────────────────────────────────────────
export interface IncubationValues {
  enterprise_org_id: number | null;
  achievement_id: number | null;
  rd_institution_id: number | null;
  incubated_on: string | null;
}
export const incubationFieldPaths = ['enterprise_org_id', 'achievement_id', 'rd_institution_id', 'incubated_on'] as const;

export const incubationValues = (i?: Incubation): IncubationValues => ({
  enterprise_org_id: i?.enterprise_org_id ?? null,
  achievement_id: i?.achievement_id ?? null,
  // With an achievement the institution is the achievement's (the server fills it in): not the form's.
  rd_institution_id: i && i.achievement_id === null ? i.rd_institution_id : null,
  incubated_on: i?.incubated_on ?? null,
});

const incubationBody = (v: IncubationValues): Draft<IncubationCreate> => ({
  enterprise_org_id: valueOrNull(v.enterprise_org_id),
  achievement_id: valueOrNull(v.achievement_id),
  rd_institution_id: valueOrNull(v.rd_institution_id),
  incubated_on: valueOrNull(v.incubated_on),
});
export const incubationCreate = (v: IncubationValues): Draft<IncubationCreate> => withoutEmpty(incubationBody(v), ['enterprise_org_id', 'incubated_on']);
export const incubationPatch = (before: IncubationValues, after: IncubationValues): Draft<IncubationPatch> => changedFields(incubationBody(before), incubationBody(after));
