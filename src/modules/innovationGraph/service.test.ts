import { describe, expect, it } from 'vitest';
import { GraphWorkExceeded } from '../../domain/graph/workBound.js';
import { typesOfMask } from '../../domain/innovationGraph.js';
import type { AccountRole, Permission } from '../../domain/permissions.js';
import { AppError } from '../shared/errors.js';
import { anonymousPrincipal, type Principal } from '../shared/principal.js';
import { tooMuchWork, visibleMask } from './service.js';

const caller = (role: AccountRole, bindings: { districts?: string[]; organizationIds?: number[]; scopes?: Permission[] } = {}): Principal => ({
  ...anonymousPrincipal,
  role,
  credential: bindings.scopes ? 'token' : 'session',
  userId: 1,
  districts: bindings.districts ?? [],
  organizationIds: bindings.organizationIds ?? [],
  scopes: bindings.scopes ?? null,
});

describe('which relations a caller sees', () => {
  it('shows every type to an administrator and a city-wide officer', () => {
    expect(typesOfMask(visibleMask(caller('admin')))).toHaveLength(10);
    expect(typesOfMask(visibleMask(caller('officer')))).toHaveLength(10);
  });

  it('gives an area officer the relation types of a city-wide one (its area narrows the nodes: area.ts), an organization user only the public registry’s', () => {
    expect(typesOfMask(visibleMask(caller('officer', { districts: ['430104'] })))).toEqual(typesOfMask(visibleMask(caller('officer'))));
    expect(typesOfMask(visibleMask(caller('org_user', { organizationIds: [1] })))).toEqual(['hosts', 'located_in_zone']);
  });

  it('follows a token’s scopes', () => {
    expect(typesOfMask(visibleMask(caller('admin', { scopes: ['achievements.read', 'ip_loans.read'] })))).toEqual(['hosts', 'lead_of_project', 'partner_in_project', 'produced_by', 'transfer', 'incubated', 'loan', 'located_in_zone']);
  });
});

describe('a query past its work bound', () => {
  it('is a 422 problem on the field that sets the work, naming the bound', () => {
    let thrown: unknown;
    try {
      tooMuchWork(new GraphWorkExceeded(2_000_000, 'k-hop neighbourhood'), 'hops');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ kind: 'unprocessable', errors: [{ field: 'hops', code: 'graph.work_bound', params: { bound: 2_000_000 } }] });
  });

  it('lets any other failure through as it is', () => {
    const other = new Error('database gone');
    expect(() => tooMuchWork(other, 'hops')).toThrow(other);
  });
});
