import { describe, expect, it } from 'vitest';
import type { Expert } from '../api/filings';
import { expertCreateBody, expertName, expertPatchBody, expertValues, newExpertValues } from './expertForm';

const expert: Expert = {
  id: 3,
  user_id: 12,
  username: 'wang',
  display_name: '王教授',
  fields: ['advanced_manufacturing', 'new_materials'],
  organization_id: 5,
  organization_name: '某大学',
  conflicts: [7],
  active: true,
  created_at: '2026-11-13T00:00:00Z',
  updated_at: '2026-11-13T00:00:00Z',
  version: 2,
};

describe('expert dialog bodies', () => {
  it('creates with every value, a missing user sent for the server to name', () => {
    expect(expertCreateBody({ ...newExpertValues(), fields: ['biomedicine'] })).toEqual({ user_id: 0, fields: ['biomedicine'], organization_id: null, conflicts: [], active: true });
  });

  it('patches only what changed, lists compared as sets', () => {
    const v = expertValues(expert);
    expect(expertPatchBody(expert, { ...v, fields: ['new_materials', 'advanced_manufacturing'] })).toEqual({});
    expect(expertPatchBody(expert, { ...v, conflicts: [], active: false, organization_id: null })).toEqual({ conflicts: [], active: false, organization_id: null });
  });

  it('names the expert by display name, else username', () => {
    expect(expertName(expert)).toBe('王教授');
    expect(expertName({ ...expert, display_name: null })).toBe('wang');
  });
});
