import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { belowMinimum, formProblems } from './applicationForm.js';
import type { FormField } from './definition.js';
import { documentType } from './documentTypes.js';
import { drawExperts, type PoolExpert } from './expertDraw.js';
import { reviewOutcome, scoreProblems } from './reviewScores.js';

const city = loadCity('changsha');
const L = (s: string) => ({ zh: s, en: s });

describe('drawExperts (专家抽取)', () => {
  const pool: PoolExpert[] = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, active: i !== 0, fields: i === 1 ? ['biomedicine'] : ['advanced_manufacturing'], organizationId: i === 2 ? 99 : 10 + i, conflicts: i === 3 ? [99] : [] }));

  it('leaves out inactive experts, other fields and conflicts of interest, saying why', () => {
    const d = drawExperts(pool, 'advanced_manufacturing', 99, 3, 'seed');
    expect(d.excluded).toEqual([
      { id: 1, reason: 'inactive' },
      { id: 2, reason: 'field' },
      { id: 3, reason: 'same_organization' },
      { id: 4, reason: 'declared_conflict' },
    ]);
    expect(d.eligible).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(d.drawn).toHaveLength(3);
    expect(new Set(d.drawn).size).toBe(3);
    for (const id of d.drawn) expect(d.eligible).toContain(id);
  });

  it('is reproducible from its seed, whatever order the pool comes in, and varies with the seed', () => {
    const a = drawExperts(pool, 'advanced_manufacturing', 99, 3, 'a1b2');
    expect(drawExperts([...pool].reverse(), 'advanced_manufacturing', 99, 3, 'a1b2')).toEqual(a);
    const draws = new Set(Array.from({ length: 20 }, (_, i) => drawExperts(pool, 'advanced_manufacturing', 99, 3, `s${i}`).drawn.join(',')));
    expect(draws.size).toBeGreaterThan(10);
  });

  it('gives every eligible expert a fair chance', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) for (const id of drawExperts(pool, 'advanced_manufacturing', 99, 2, `seed-${i}`).drawn) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 8 eligible, 2 drawn each time: 1,000 draws expected per expert.
    for (const id of [5, 6, 7, 8, 9, 10, 11, 12]) expect(counts.get(id)).toBeGreaterThan(850);
  });

  it('draws fewer when fewer are eligible', () => {
    expect(drawExperts(pool, 'biomedicine', 99, 3, 'x').drawn).toEqual([2]);
  });
});

describe('review scores', () => {
  const criteria = [
    { key: 'a', label: L('A'), max: 30 },
    { key: 'b', label: L('B'), max: 70 },
  ];
  it('wants every criterion scored within its range, and nothing else', () => {
    expect(scoreProblems(criteria, { a: 30, b: 0 })).toEqual([]);
    expect(scoreProblems(criteria, { a: 31, c: 1 }).map((p) => `${p.field}:${p.code}`)).toEqual(['scores.a:score.range', 'scores.b:score.missing', 'scores.c:score.unknown_criterion']);
  });
  it('passes on the mean total', () => {
    expect(reviewOutcome([80, 70, 61], 70)).toEqual({ mean: 70.33, passed: true });
    expect(reviewOutcome([69.99], 70)).toEqual({ mean: 69.99, passed: false });
    expect(reviewOutcome([], 70)).toBeNull();
  });
});

describe('application forms', () => {
  const fields: FormField[] = [
    { key: 'name', label: L('Name'), type: 'text', required: true },
    { key: 'area', label: L('Area'), type: 'number', required: true, min: 2000 },
    { key: 'since', label: L('Since'), type: 'date', required: false },
    { key: 'legal', label: L('Legal'), type: 'bool', required: false },
    { key: 'district_code', label: L('District'), type: 'district', required: false },
    { key: 'zone', label: L('Zone'), type: 'zone', required: false },
    { key: 'kind', label: L('Kind'), type: 'code', required: false, codes: { a: L('A') } },
  ];
  it('lets a draft leave required fields empty, but not a submission', () => {
    expect(formProblems(fields, { name: 'x' }, city, { complete: false })).toEqual([]);
    expect(formProblems(fields, { name: 'x' }, city, { complete: true }).map((p) => p.field)).toEqual(['data.area']);
  });
  it('checks each value’s type, and refuses unknown fields', () => {
    const p = formProblems(fields, { name: 1, area: -1, since: '2025-02-30', legal: 'yes', district_code: '430199', zone: 'moon', kind: 'b', extra: 'x' }, city, { complete: true });
    expect(p.map((x) => x.field).sort()).toEqual(['data.area', 'data.district_code', 'data.extra', 'data.kind', 'data.legal', 'data.name', 'data.since', 'data.zone']);
    expect(formProblems(fields, { name: 'x', area: 2500, district_code: '430104', zone: city.zones[0]!.code }, city, { complete: true })).toEqual([]);
  });
  it('marks numbers under their criterion for reviewers', () => {
    expect(belowMinimum(fields, { area: 1500 })).toEqual([{ key: 'area', label: L('Area'), value: 1500, min: 2000 }]);
  });
});

describe('documentType', () => {
  it('recognises documents by their first bytes', () => {
    expect(documentType(Buffer.from('%PDF-1.7'), 'x.bin')).toBe('application/pdf');
    expect(documentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a.png')).toBe('image/png');
    expect(documentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a.jpg')).toBe('image/jpeg');
    expect(documentType(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a.docx')).toContain('wordprocessingml');
    expect(documentType(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'a.zip')).toBeNull();
    expect(documentType(Buffer.from('MZ'), 'a.pdf')).toBeNull();
  });
});
