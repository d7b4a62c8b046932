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

  it('of a loan’s contract number names the field', async () => {
    expect((await uniqueViolation('ip_loans_borrower_org_id_contract_number_key')).errors[0]?.field).toBe('contract_number');
  });
});
