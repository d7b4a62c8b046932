import { describe, expect, it } from 'vitest';
import { ContractTable, dayNumber, type ContractFact } from './columns.js';
import { aggregate, topSellers, yearOnYear, type FilterTerm, type Selection } from './query.js';

/**
 * Patching the column store: after any sequence of registrations, edits, removals, re-registrations
 * and sellers changing kind, applied as deltas, every question answers exactly as a table built
 * afresh from the same contracts.
 */

/** A small seeded generator (mulberry32), so every run draws the same edit sequences. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
const kinds = ['enterprise', 'university', 'institute', null];

function drawFact(next: () => number, id: number, sellerKinds: Map<number, string | null>): ContractFact {
  const seller = 1 + Math.floor(next() * 12);
  if (!sellerKinds.has(seller)) sellerKinds.set(seller, pick(next, kinds));
  // Now and then a year before all the others, so the year column re-bases.
  const year = next() < 0.03 ? 2001 + Math.floor(next() * 5) : 2018 + Math.floor(next() * 8);
  const contract = 1 + Math.floor(next() * 1e9);
  return {
    id,
    day: dayNumber(`${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`),
    type: pick(next, ['development', 'transfer', 'licence', 'consulting']),
    sub_type: pick(next, ['commissioned', 'patent_right', 'service']),
    flow: pick(next, ['local', 'province', 'domestic', 'abroad']),
    district: pick(next, ['430102', '430104', '430105', null]),
    zone: pick(next, ['xiangjiang_new_area', null]),
    field: pick(next, ['aerospace', 'biomedicine', null]),
    seller_kind: sellerKinds.get(seller)!,
    buyer_province: pick(next, ['430000', '440000', null]),
    seller_id: seller,
    contract_fen: contract,
    transaction_fen: Math.floor(next() * contract),
  };
}

const span = (from: number, to: number): Pick<Selection, 'from' | 'to'> => ({ from: { kind: 'year', year: from }, to: { kind: 'year', year: to } });
const term = (field: string, op: 'eq' | 'gt' | 'lt', value: string | number, negate = false): FilterTerm => ({ field, negate, alternatives: [{ op, value }] });
const questions: Selection[] = [
  { ...span(2000, 2026), filters: [], scope: { kind: 'all' } },
  { ...span(2020, 2025), filters: [term('district_code', 'eq', '430104', true), term('contract_amount', 'gt', '1000000.00')], scope: { kind: 'all' } },
  { ...span(2018, 2025), filters: [term('seller_kind', 'eq', 'university')], scope: { kind: 'area', districts: ['430105'], zones: ['xiangjiang_new_area'] } },
  { ...span(2000, 2026), filters: [term('registered_on', 'lt', '2022-07-01')], scope: { kind: 'sellers', ids: [1, 3, 5, 7] } },
];

/** Every kind of answer the store gives, over the columns of a table. */
function answers(table: ContractTable): unknown {
  const columns = table.columns();
  return questions.map((q) => ({
    total: aggregate(columns, q, []),
    byYear: aggregate(columns, q, ['year']),
    byQuarterAndDistrict: aggregate(columns, q, ['quarter', 'district']),
    byKindAndType: aggregate(columns, q, ['seller_kind', 'type']),
    top: topSellers(columns, q, 5),
    yearOnYear: yearOnYear(columns, { ...q, ...span(2024, 2025) }, ['flow']),
  }));
}

const freshTable = (facts: Iterable<ContractFact>): ContractTable => {
  const table = new ContractTable(0);
  for (const f of facts) table.add(f);
  return table;
};

describe('a delta', () => {
  it('gives the answers of a fresh build over the same contracts, after every step of seeded edit sequences', () => {
    for (const seed of [1, 2, 3, 4]) {
      const next = random(seed);
      const sellerKinds = new Map<number, string | null>();
      const registry = new Map<number, ContractFact>();
      let lastId = 0;
      const table = new ContractTable(0);
      for (let step = 0; step < 50; step++) {
        const written = new Map<number, ContractFact>();
        const removed = new Set<number>();
        const edits = 1 + Math.floor(next() * (step % 10 === 0 ? 40 : 6));
        for (let e = 0; e < edits; e++) {
          const roll = next();
          const known = lastId > 0 ? 1 + Math.floor(next() * lastId) : 0;
          if (roll < 0.45 || known === 0) {
            const f = drawFact(next, ++lastId, sellerKinds);
            written.set(f.id, f);
            removed.delete(f.id);
          } else if (roll < 0.7) {
            // An edit of any contract ever seen: a removed one comes back.
            const f = drawFact(next, known, sellerKinds);
            written.set(f.id, f);
            removed.delete(f.id);
          } else if (roll < 0.93) {
            // Deleted or no longer registered; sometimes one the table never held.
            const id = next() < 0.1 ? lastId + 1000 : known;
            removed.add(id);
            written.delete(id);
          } else {
            // A seller changes kind: each of its contracts is re-read.
            const seller = 1 + Math.floor(next() * 12);
            sellerKinds.set(seller, pick(next, kinds));
            for (const f of registry.values()) if (f.seller_id === seller && !removed.has(f.id) && !written.has(f.id)) written.set(f.id, { ...f, seller_kind: sellerKinds.get(seller)! });
          }
        }
        for (const f of written.values()) registry.set(f.id, f);
        for (const id of removed) registry.delete(id);
        table.patch({ written: [...written.values()], removed: [...removed] });
        expect(table.live, `seed ${seed}, step ${step}`).toBe(registry.size);
        expect(answers(table), `seed ${seed}, step ${step}`).toEqual(answers(freshTable(registry.values())));
      }
      // Tombstones never pile up: they are compacted once they pass a tenth of the rows.
      expect(table.columns().length).toBeLessThanOrEqual(Math.floor(registry.size / 0.9) + 1);
    }
  });

  it('updates a contract in place, keeps a removed one’s slot for its return, and compacts the tombstones away', () => {
    const next = random(9);
    const kindsOf = new Map<number, string | null>();
    const facts = Array.from({ length: 100 }, (_, i) => drawFact(next, i + 1, kindsOf));
    const table = freshTable(facts);
    table.patch({ written: [{ ...facts[4]!, contract_fen: 7 }], removed: [9] });
    expect(table.columns().length).toBe(100);
    expect(table.live).toBe(99);
    table.patch({ written: [facts[8]!], removed: [] });
    expect([table.columns().length, table.live]).toEqual([100, 100]);
    table.patch({ written: [], removed: Array.from({ length: 11 }, (_, i) => 50 + i) });
    expect([table.columns().length, table.live]).toEqual([89, 89]);
    expect(Array.from(table.columns().id).includes(55)).toBe(false);
  });

  it('grows from a few rows to thousands by doubling and keeps every contract', () => {
    const next = random(11);
    const kindsOf = new Map<number, string | null>();
    const table = new ContractTable(0);
    const facts: ContractFact[] = [];
    for (let i = 1; i <= 5_000; i += 50) {
      const batch = Array.from({ length: 50 }, (_, k) => drawFact(next, i + k, kindsOf));
      facts.push(...batch);
      table.patch({ written: batch, removed: [] });
    }
    expect(table.live).toBe(5_000);
    expect(answers(table)).toEqual(answers(freshTable(facts)));
  });

  it('is refused whole when one contract cannot be stored, leaving the table as it was', () => {
    const next = random(13);
    const kindsOf = new Map<number, string | null>();
    const facts = Array.from({ length: 20 }, (_, i) => drawFact(next, i + 1, kindsOf));
    const table = freshTable(facts);
    const before = answers(table);
    const tooLarge = { ...drawFact(next, 21, kindsOf), contract_fen: 2 ** 60 };
    expect(() => table.patch({ written: [{ ...facts[0]!, contract_fen: 1 }, tooLarge], removed: [2] })).toThrow(RangeError);
    expect(table.live).toBe(20);
    expect(answers(table)).toEqual(before);
  });
});
