import { z } from 'zod';
import { requirementCodes, type FilingType, type WorkflowPath } from '../domain/workflow/definition.js';
import { bilingual, id, listEnvelope, recordMeta, text, timestamp } from './common.js';

/**
 * Filing workflows (备案): the configuration files' shape (config/workflows) and the API's
 * requests and replies.
 */

// ---- configuration ----------------------------------------------------------------------

const party = z.enum(['applicant', 'officer', 'expert', 'public']);

const workflowPathObject = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  initial: z.string(),
  states: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]*$/), label: bilingual, terminal: z.boolean().optional(), waitingFor: party.optional(), deadlineDays: z.number().int().positive().optional(), deadlineCalendarDays: z.number().int().positive().optional() }))
    .min(1)
    .readonly(),
  transitions: z.array(
    z.strictObject({ action: z.string().regex(/^[a-z][a-z0-9_]*$/), label: bilingual, from: z.array(z.string()).min(1).readonly(), to: z.string(), by: z.array(party).min(1).readonly(), requires: z.array(z.enum(requirementCodes)).readonly().optional(), reasonCodes: z.string().optional() }),
  ).readonly(),
});
export const workflowPathFile = workflowPathObject as z.ZodType<WorkflowPath>;

const formField = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: bilingual,
  type: z.enum(['text', 'longtext', 'number', 'date', 'bool', 'code', 'district', 'zone']),
  required: z.boolean(),
  codes: z.record(z.string(), bilingual).optional(),
  prefill: z.string().optional(),
  min: z.number().optional(),
  unit: bilingual.optional(),
});
const keyed = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]*$/), label: bilingual });

const filingTypeObject = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: bilingual,
  path: z.string(),
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('platform'), platformType: z.string(), level: z.string() }),
    z.strictObject({ kind: z.literal('rd_institution'), category: z.string(), level: z.string() }),
    z.strictObject({ kind: z.literal('four_global') }),
    z.strictObject({ kind: z.literal('tech_contract'), contractStatus: z.record(z.string(), z.string()) }),
  ]),
  form: z.array(formField).readonly(),
  checklist: z.array(keyed.extend({ required: z.boolean() })).readonly(),
  review: z.strictObject({ experts: z.number().int().min(1).max(25), criteria: z.array(keyed.extend({ max: z.number().positive() })).min(1).readonly(), passScore: z.number().nonnegative() }).optional(),
  noticeWorkingDays: z.number().int().min(1).max(60).optional(),
});
export const filingTypeFile = filingTypeObject as z.ZodType<FilingType>;

/** GET /filing-types: each type with its path spelled out, and the fields of expertise. */
export const filingTypeList = z
  .object({ results: z.array(filingTypeObject.extend({ path: workflowPathObject })), expertise_fields: z.record(z.string(), bilingual) })
  .meta({ id: 'FilingTypeList' });

export const expertiseFieldsFile = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), bilingual);

// ---- API ----------------------------------------------------------------------------------

const formValue = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]);
export const formData = z.record(z.string().max(64), formValue).describe('The form’s values by field key (see the filing type)');

export const applicationCreate = z
  .strictObject({
    filing_type: z.string().max(64),
    organization_id: id.describe('The applicant organization'),
    rd_institution_id: id.optional().describe('“Four global” confirmation: the institution it is about (hosted by the applicant)'),
    tech_contract_id: id.optional().describe('Contract registration: the draft contract it registers (sold by the applicant)'),
    field: z.string().max(64).optional().describe('Field of expertise the reviewers are drawn from (required by a type with expert review)'),
    data: formData.optional().describe('Omitted: pre-filled from what the registry knows'),
  })
  .meta({ id: 'ApplicationCreate' });
export type ApplicationCreate = z.output<typeof applicationCreate>;

export const applicationPatch = z
  .strictObject({ field: z.string().max(64).optional(), data: formData.optional(), version: z.number().int().positive().optional() })
  .meta({ id: 'ApplicationPatch' });
export type ApplicationPatch = z.output<typeof applicationPatch>;

export const transitionBody = z
  .strictObject({
    action: z.string().max(64),
    reason: z.string().trim().max(5000).optional().describe('Required to return, reject or revoke'),
    reason_code: z.string().max(64).optional().describe('Required where the action chooses its reason from a list (not registering a contract: config/market/not-registered-reasons.json)'),
    version: z.number().int().positive().optional(),
  })
  .meta({ id: 'TransitionRequest' });

export const drawBody = z.strictObject({ count: z.number().int().min(1).max(25).optional().describe('Default: the filing type’s number of experts') });
export const reviewBody = z.strictObject({ scores: z.record(z.string().max(64), z.number()), comment: text(5000) }).meta({ id: 'ExpertReviewRequest' });
export const objectionBody = z.strictObject({ name: text(100), contact: text(200), text: text(5000) }).meta({ id: 'ObjectionRequest' });
export const resolutionBody = z.strictObject({ upheld: z.boolean(), resolution: text(5000) }).meta({ id: 'ObjectionResolution' });
export const evaluationBody = z.strictObject({ year: z.number().int().min(2000).max(2100), result: z.enum(['excellent', 'qualified', 'unqualified']), comment: z.string().trim().max(5000).optional() }).meta({ id: 'EvaluationRequest' });

export const timelineEvent = z.object({ at: timestamp, username: z.string().nullable(), kind: z.string(), label: bilingual, from_state: z.string().nullable(), to_state: z.string().nullable(), comment: z.string().nullable(), details: z.unknown().nullable() });

export const applicationSummary = z
  .object({
    ...recordMeta,
    filing_type: z.string(),
    filing_type_name: bilingual,
    state: z.string(),
    state_label: bilingual,
    organization_id: id,
    organization_name: z.string(),
    subject: z.string().nullable().describe('What is filed: the name in the form (a platform or institution), or the institution a "four global" confirmation is about'),
    rd_institution_id: id.nullable(),
    tech_contract_id: id.nullable().describe('The contract a registration is about'),
    district_code: z.string().nullable().describe("The applicant's district when the application was started (a contract's: the contract's)"),
    zone: z.string().nullable().describe("The applicant's zone when the application was started: with the district, whose officers handle it"),
    field: z.string().nullable().describe('Field of expertise; none for a type without expert review'),
    state_since: timestamp,
    deadline: timestamp.nullable().describe('When the party the state waits for should have acted'),
    overdue: z.boolean(),
    waiting_for: party.nullable(),
    submitted_at: timestamp.nullable(),
    decided_at: timestamp.nullable(),
    notice_from: z.string().nullable(),
    notice_to: z.string().nullable(),
    filed_entity: z.string().nullable(),
    filed_record_id: id.nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.output<typeof applicationSummary>;
export const applicationList = listEnvelope(applicationSummary).meta({ id: 'ApplicationList' });

const reviewView = z.object({ expert_id: id, expert_name: z.string().nullable(), scores: z.record(z.string(), z.number()), total: z.number(), comment: z.string(), submitted_at: timestamp });

export const applicationView = applicationSummary
  .extend({
    data: formData,
    decision_reason: z.string().nullable(),
    parties: z.array(party).describe('How the caller stands to it'),
    actions: z.array(
      z.object({
        action: z.string(),
        label: bilingual,
        to: z.string(),
        unmet: z.array(z.object({ requirement: z.string(), message: bilingual })),
        reason_codes: z.array(z.object({ code: z.string(), label: bilingual })).optional().describe('The reasons to choose one from (reason_code), where the action asks for one'),
      }),
    ),
    below_minimum: z.array(z.object({ key: z.string(), label: bilingual, value: z.number(), min: z.number() })).describe('Numbers under their criterion’s least value, for reviewers'),
    draw: z
      .object({ seed: z.string(), field: z.string(), requested: z.number().int(), eligible: z.array(id), excluded: z.array(z.object({ id, reason: z.string(), label: bilingual })), drawn: z.array(z.object({ id, name: z.string().nullable() })), drawn_at: timestamp })
      .nullable(),
    reviews: z.array(reviewView).describe('Officers see every review; an expert, their own'),
    review_outcome: z.object({ mean: z.number(), passed: z.boolean(), pass_score: z.number() }).nullable(),
    objections: z.array(z.object({ id, lodged_at: timestamp, name: z.string(), text: z.string(), upheld: z.boolean().nullable(), resolution: z.string().nullable(), resolved_at: timestamp.nullable() })),
    evaluations: z.array(z.object({ year: z.number().int(), result: z.string(), comment: z.string().nullable(), evaluated_at: timestamp })),
    attachments: z.array(z.object({ id, checklist_item: z.string(), file_name: z.string(), content_type: z.string(), size: z.number().int(), sha256: z.string(), uploaded_at: timestamp })),
    timeline: z.array(timelineEvent),
  })
  .meta({ id: 'Application' });
export type ApplicationView = z.output<typeof applicationView>;

export const publicNotice = z
  .object({ application_id: id, filing_type_name: bilingual, organization_name: z.string(), subject: z.string(), notice_from: z.string(), notice_to: z.string(), objections_open: z.boolean() })
  .meta({ id: 'PublicNotice' });
export const publicNoticeList = z.object({ results: z.array(publicNotice) });

export const expert = z
  .object({ ...recordMeta, user_id: id, username: z.string(), display_name: z.string().nullable(), fields: z.array(z.string()), organization_id: id.nullable(), organization_name: z.string().nullable(), conflicts: z.array(id), active: z.boolean() })
  .meta({ id: 'Expert' });
export const expertList = z.object({ results: z.array(expert) });
export const expertCandidateList = z
  .object({ results: z.array(z.object({ user_id: id, username: z.string(), display_name: z.string().nullable() })) })
  .meta({ id: 'ExpertCandidates', description: 'Active accounts with the expert role that are not in the pool yet' });
export const expertCreate = z.strictObject({ user_id: id, fields: z.array(z.string().max(64)).min(1), organization_id: id.nullable().optional(), conflicts: z.array(id).optional(), active: z.boolean().optional() }).meta({ id: 'ExpertCreate' });
export const expertPatch = expertCreate.omit({ user_id: true }).partial().extend({ version: z.number().int().positive().optional() }).meta({ id: 'ExpertPatch' });

export const inboxReply = z
  .object({
    waiting: z.array(applicationSummary).describe('Applications waiting for something the caller does, oldest first'),
    changes: z
      .array(z.object({ application_id: id, filing_type_name: bilingual, organization_name: z.string(), subject: z.string().nullable(), at: timestamp, kind: z.string(), label: bilingual, to_state: z.string().nullable() }))
      .describe('What others did lately (14 days) on the applications the caller may see, newest first'),
  })
  .meta({ id: 'Inbox' });
