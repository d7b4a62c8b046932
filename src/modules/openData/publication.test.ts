import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { datasetSpec, shippedPublication } from './publication.js';

const city = loadCity('changsha');

describe('the shipped publication (config/publication.json)', () => {
  const publication = shippedPublication(city);

  it('passes its checks and ships the demo datasets', () => {
    expect(publication.datasets.map((d) => d.id)).toEqual(['organizations', 'qualifications', 'rd_institutions', 'platforms', 'achievements', 'transfers', 'recruitment_calls']);
    expect(publication.licence.id).toBe('CC-BY-4.0');
  });

  it('reads a dataset’s rows with its published fields alone, and lets clients filter and search on nothing else', () => {
    const organizations = publication.datasets.find((d) => d.id === 'organizations')!;
    const spec = datasetSpec(organizations, city, '2025-06-30');
    expect(spec.published.select.split(', ').map((c) => c.split(' AS ')[1])).toEqual(organizations.fields.map((f) => `"${f}"`));
    expect(spec.published.select).not.toContain('address');
    expect(Object.keys(spec.published.fields)).toEqual(organizations.fields);
    // The registry also searches the credit code exactly: published here, so kept.
    expect(spec.published.searchExact?.column).toBe('t.uscc');
  });

  it('publishes no transfer amount and no achievement evidence (contract terms, undisclosed details)', () => {
    const fields = (id: string) => publication.datasets.find((d) => d.id === id)!.fields;
    expect(fields('transfers')).not.toContain('amount');
    expect(fields('achievements')).not.toContain('evidence');
  });
});
