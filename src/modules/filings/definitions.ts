import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { packageRoot } from '../../config.js';
import { expertiseFieldsFile, filingTypeFile, workflowPathFile } from '../../contracts/workflows.js';
import { platformTypeCodes } from '../../domain/innovationPlatform.js';
import { recognitionLevelCodes } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import { rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import type { FilingType, WorkflowPath } from '../../domain/workflow/definition.js';
import { pathProblems } from '../../domain/workflow/engine.js';

/** The filing workflows a server runs (config/workflows): paths, filing types, fields of expertise. */
export interface Workflows {
  paths: ReadonlyMap<string, WorkflowPath>;
  types: ReadonlyMap<string, FilingType>;
  expertiseFields: Readonly<Record<string, Message>>;
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
  const types = new Map<string, FilingType>();
  for (const file of jsonFiles(dir).filter((f) => !f.endsWith('expertise-fields.json'))) {
    const type = parse(filingTypeFile, file);
    if (types.has(type.code)) problems.push(`${file}: filing type ${type.code} is declared twice`);
    if (!paths.has(type.path)) problems.push(`${file}: unknown path ${type.path}`);
    const s = type.subject;
    if (s.kind === 'platform' && !(platformTypeCodes as readonly string[]).includes(s.platformType)) problems.push(`${file}: unknown platform type ${s.platformType}`);
    if (s.kind === 'rd_institution' && !(rdInstitutionCategoryCodes as readonly string[]).includes(s.category)) problems.push(`${file}: unknown institution category ${s.category}`);
    if (s.kind !== 'four_global' && !(recognitionLevelCodes as readonly string[]).includes(s.level)) problems.push(`${file}: unknown level ${s.level}`);
    if (s.kind !== 'four_global' && !type.form.some((f) => f.key === 'name' && f.required)) problems.push(`${file}: a filing that creates a record needs a required "name" field`);
    if (s.kind !== 'four_global' && !type.form.some((f) => f.key === 'district_code' && f.type === 'district' && f.required)) problems.push(`${file}: a filing that creates a record needs a required district_code field`);
    types.set(type.code, type);
  }
  if (problems.length) throw new Error(`Workflow configuration (${dir}):\n${problems.join('\n')}`);
  return { paths, types, expertiseFields };
}
