import { describe, expect, it } from 'vitest';
import { auditFilter, auditListParams, emptyAuditListState, filterValue, isAuditFiltered, readAuditListState, timeTerms, writeAuditListState, type AuditListState } from './auditQuery';

const china = () => 480;
const utc = () => 0;
const state = (patch: Partial<AuditListState>): AuditListState => ({ ...emptyAuditListState(), ...patch });

describe('audit log URL state', () => {
  it('keeps the plain page at a plain URL', () => {
    expect(writeAuditListState(emptyAuditListState()).toString()).toBe('');
  });

  it('round-trips every filter, the sort and the paging', () => {
    const s = state({ username: 'yuelu', action: 'create', entity: 'users', recordId: '12', search: '湖南', from: '2026-01-01', to: '2026-01-31', sort: { field: 'at', desc: false }, page: 3, perPage: 50 });
    const query = writeAuditListState(s);
    expect(query.get('record_id')).toBe('12');
    expect(query.get('sort')).toBe('at');
    expect(readAuditListState(new URLSearchParams(query.toString()))).toEqual(s);
  });

  it('falls back to the defaults for malformed values', () => {
    const s = readAuditListState(new URLSearchParams('sort=hash&page=0&per_page=7&from=2026-02-30&to=x&username=|,'));
    expect(s).toEqual(emptyAuditListState());
  });
});

describe('filterValue', () => {
  it('drops what the filter language would read as separators or negation', () => {
    expect(filterValue(' a,b|c ')).toBe('abc');
    expect(filterValue('!admin')).toBe('admin');
    expect(filterValue('cli:root')).toBe('cli:root');
  });
});

describe('timeTerms', () => {
  it('turns inclusive local days into strict instants in UTC', () => {
    expect(timeTerms('2026-01-01', '2026-01-31', china)).toEqual(['at:>2025-12-31T15:59:59.999999Z', 'at:<2026-01-31T16:00:00Z']);
    expect(timeTerms('2026-03-01', null, utc)).toEqual(['at:>2026-02-28T23:59:59.999999Z']);
    expect(timeTerms(null, '2025-12-31', utc)).toEqual(['at:<2026-01-01T00:00:00Z']);
    expect(timeTerms(null, null, utc)).toEqual([]);
  });

  it('asks the zone’s offset of each day (daylight saving may differ)', () => {
    const seen: string[] = [];
    timeTerms('2026-03-01', '2026-07-01', (d) => (seen.push(d), 0));
    expect(seen).toEqual(['2026-03-01', '2026-07-02']);
  });
});

describe('auditFilter and auditListParams', () => {
  it('are empty for the whole log, newest first', () => {
    expect(auditFilter(emptyAuditListState(), utc)).toBeUndefined();
    expect(auditListParams(emptyAuditListState(), utc)).toEqual({ page: 1, per_page: 25, sort: 'id:desc' });
  });

  it('AND the filters and carry the search', () => {
    const s = state({ username: 'admin', action: 'create', entity: 'users', recordId: '7', from: '2026-01-01', search: 'yuelu', sort: { field: 'at', desc: true } });
    expect(auditListParams(s, utc)).toEqual({
      page: 1,
      per_page: 25,
      sort: 'at:desc',
      search: 'yuelu',
      filter: 'username:admin,action:create,entity:users,record_id:7,at:>2025-12-31T23:59:59.999999Z',
    });
  });

  it('notices filters but not paging or sorting', () => {
    expect(isAuditFiltered(state({ page: 3, sort: { field: 'at', desc: false } }))).toBe(false);
    expect(isAuditFiltered(state({ entity: 'users' }))).toBe(true);
    expect(isAuditFiltered(state({ to: '2026-01-01' }))).toBe(true);
    expect(isAuditFiltered(state({ search: 'x' }))).toBe(true);
  });
});
