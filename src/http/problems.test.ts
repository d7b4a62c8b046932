import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { problem } from '../contracts/common.js';
import { duplicateKey } from '../modules/shared/uniqueKeys.js';
import { registerProblemHandlers } from './problems.js';

/** The reply to a PostgreSQL unique violation of `constraint`, as a race on a key meets it. */
async function uniqueViolation(constraint: string) {
  const app = Fastify();
  registerProblemHandlers(app);
  app.post('/race', async () => {
    throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', constraint });
  });
  const res = await app.inject({ method: 'POST', url: '/race' });
  await app.close();
  expect(res.statusCode).toBe(409);
  return problem.parse(res.json());
}

describe('a unique violation a service check could not see (two writes racing)', () => {
  it.each(['projects', 'achievements', 'transfers', 'incubations'] as const)('of the natural key of %s is the 409 the service gives, at the key’s field', async (table) => {
    const constraint = { projects: 'projects_lead_org_id_title_key', achievements: 'achievements_owner_org_id_title_year_key', transfers: 'transfers_achievement_id_receiver_org_id_transferred_on_key', incubations: 'incubations_enterprise_org_id_key' }[table];
    const body = await uniqueViolation(constraint);
    expect(body.errors).toEqual([duplicateKey(table)]);
    expect(body.errors[0]).toMatchObject({ code: 'natural_key.duplicate', field: expect.stringMatching(/^(title|transferred_on|enterprise_org_id)$/) });
  });

  it.each([
    ['a seller’s contract number', 'tech_contracts_seller_org_id_contract_number_key', 'contract_number', 'contract_number.duplicate'],
    ['a registration number', 'tech_contracts_registration_number_key', 'registration_number', 'registration_number.duplicate'],
    ['a borrower’s loan contract number', 'ip_loans_borrower_org_id_contract_number_key', 'contract_number', 'contract_number.duplicate'],
    ['a credit code', 'organizations_uscc_key', 'uscc', 'uscc.duplicate'],
  ])('of %s is at its field with the service’s code', async (_what, constraint, field, code) => {
    expect((await uniqueViolation(constraint)).errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('of another constraint is still a 409, at no field', async () => {
    expect((await uniqueViolation('some_other_key')).errors).toEqual([expect.objectContaining({ field: '', code: 'duplicate' })]);
  });
});
