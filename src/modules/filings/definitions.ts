import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { loadMarketCodes, packageRoot } from '../../config.js';
import { expertiseFieldsFile, filingTypeFile, workflowPathFile } from '../../contracts/workflows.js';
import { platformTypeCodes } from '../../domain/innovationPlatform.js';
import { recognitionLevelCodes } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import { rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { contractStatusCodes } from '../../domain/techContract.js';
import type { FilingType, Requirement, WorkflowPath } from '../../domain/workflow/definition.js';
import { pathProblems } from '../../domain/workflow/engine.js';

/** The filing workflows a server runs (config/workflows): paths, filing types, fields of expertise. */
export interface Workflows {
  paths: ReadonlyMap<string, WorkflowPath>;
  types: ReadonlyMap<string, FilingType>;
  expertiseFields: Readonly<Record<string, Message>>;
  /** The code lists a transition's reason is chosen from (`reasonCodes`), by name. */
  reasonCodes: ReadonlyMap<string, Readonly<Record<string, Message>>>;
}

export const defaultWorkflowsDir = join(packageRoot, 'config', 'workflows');

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));

/**
 * Loads and checks every workflow file: shapes, each path's consistency, and every reference a
 * filing type makes (its path, the platform type, category and level it files). One error names
 * every problem, so a city's configuration is fixed in one go.
 */
export function loadWorkflows(dir = defaultWorkflowsDir): Workflows {
  const problems: string[] = [];
  const paths = new Map<string, WorkflowPath>();
  for (const file of jsonFiles(join(dir, 'paths'))) {
    const path = parse(workflowPathFile, file);
    for (const p of pathProblems(path)) problems.push(`${file}: ${p}`);
    paths.set(path.code, path);
  }
  const expertiseFields = parse(expertiseFieldsFile, join(dir, 'expertise-fields.json'));
  // The reasons a contract is not registered change with national rules: they stay in config/market.
  const reasonCodes = new Map([['not_registered_reasons', loadMarketCodes().notRegisteredReasons]]);
  for (const path of paths.values())
    for (const t of path.transitions) if (t.reasonCodes !== undefined && !reasonCodes.has(t.reasonCodes)) problems.push(`path ${path.code}: transition ${t.action}: unknown reason list ${t.reasonCodes}`);
  const types = new Map<string, FilingType>();
  for (const file of jsonFiles(dir).filter((f) => !f.endsWith('expertise-fields.json'))) {
    const type = parse(filingTypeFile, file);
    if (types.has(type.code)) problems.push(`${file}: filing type ${type.code} is declared twice`);
    if (!paths.has(type.path)) problems.push(`${file}: unknown path ${type.path}`);
    const s = type.subject;
    if (s.kind === 'platform' && !(platformTypeCodes as readonly string[]).includes(s.platformType)) problems.push(`${file}: unknown platform type ${s.platformType}`);
    if (s.kind === 'rd_institution' && !(rdInstitutionCategoryCodes as readonly string[]).includes(s.category)) problems.push(`${file}: unknown institution category ${s.category}`);
    const creates = s.kind === 'platform' || s.kind === 'rd_institution';
    if (creates && !(recognitionLevelCodes as readonly string[]).includes(s.level)) problems.push(`${file}: unknown level ${s.level}`);
    if (creates && !type.form.some((f) => f.key === 'name' && f.required)) problems.push(`${file}: a filing that creates a record needs a required "name" field`);
    if (creates && !type.form.some((f) => f.key === 'district_code' && f.type === 'district' && f.required)) problems.push(`${file}: a filing that creates a record needs a required district_code field`);
    const path = paths.get(type.path);
    if (path) problems.push(...pathNeeds(type, path).map((p) => `${file}: ${p}`));
    types.set(type.code, type);
  }
  if (problems.length) throw new Error(`Workflow configuration (${dir}):\n${problems.join('\n')}`);
  return { paths, types, expertiseFields, reasonCodes };
}

const reviewRequirements: readonly Requirement[] = ['experts_drawn', 'reviews_complete', 'review_passed'];

/** What a type must declare for its path: review criteria where experts score, a notice length where a notice runs, a contract status for every state. */
function pathNeeds(type: FilingType, path: WorkflowPath): string[] {
  const problems: string[] = [];
  const requires = new Set(path.transitions.flatMap((t) => t.requires ?? []));
  if (!type.review && reviewRequirements.some((r) => requires.has(r))) problems.push(`path ${path.code} has an expert review: the type needs "review"`);
  if (type.noticeWorkingDays === undefined && path.states.some((s) => s.code === 'public_notice')) problems.push(`path ${path.code} has a public notice: the type needs "noticeWorkingDays"`);
  const s = type.subject;
  if (s.kind === 'tech_contract')
    for (const state of path.states) {
      const status = s.contractStatus[state.code];
      if (status === undefined) problems.push(`state ${state.code} has no contract status`);
      else if (!(contractStatusCodes as readonly string[]).includes(status)) problems.push(`state ${state.code}: unknown contract status ${status}`);
    }
  return problems;
}
