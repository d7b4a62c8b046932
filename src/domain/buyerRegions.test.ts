import { describe, expect, it } from 'vitest';
import { loadCity, loadDivisions, loadRegionLists } from '../config.js';
import { buyerRegionTree, type Divisions, type RegionNode } from './buyerRegions.js';
import { regionFlow } from './techContract.js';

const city = loadCity('changsha');
const divisions = loadDivisions();
const tree = buyerRegionTree(city, divisions);
const leaves = (nodes: readonly RegionNode[]): RegionNode[] => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

describe('buyerRegionTree', () => {
  it('offers exactly the counties the server accepts for a buyer in China, each once', () => {
    const regions = loadRegionLists();
    const codes = leaves(tree).map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => regionFlow(city, regions, c) === null)).toEqual([]);
    const accepted = new Set([...regions.counties, ...city.districts.map((d) => d.code)]);
    expect(codes.length).toBe(accepted.size);
  });

  it('goes province → city → county by the code’s digits, provinces named in both languages', () => {
    for (const p of tree) {
      expect(p.label.en).not.toBe(p.label.zh);
      for (const c of p.children!) {
        expect(c.code.slice(0, 2)).toBe(p.code);
        for (const county of c.children!) expect(county.code.slice(0, 4)).toBe(c.code);
      }
    }
    const hunan = tree.find((p) => p.code === '43')!;
    expect(hunan.label).toEqual({ zh: '湖南省', en: 'Hunan' });
  });

  it('names the city and its districts as the city configuration does', () => {
    const changsha = tree.find((p) => p.code === '43')!.children!.find((c) => c.code === '4301')!;
    expect(changsha.label).toEqual({ zh: '长沙市', en: 'Changsha' });
    expect(changsha.children!.find((d) => d.code === '430104')!.label).toEqual({ zh: '岳麓区', en: 'Yuelu District' });
    expect(changsha.children!.map((d) => d.code)).toEqual(city.districts.map((d) => d.code).sort());
  });

  it('keeps a district of the city the list lacks, under a city and province named by code when the list has neither', () => {
    const bare: Divisions = { provinces: [], cities: [], counties: [['110101', '东城区']] };
    const other = { ...city, code: '990100', districts: [{ ...city.districts[0]!, code: '990101' }] };
    const built = buyerRegionTree(other, bare);
    expect(leaves(built).map((n) => n.code)).toEqual(['110101', '990101']);
    expect(built.map((p) => p.label.en)).toEqual(['Beijing', '99']);
    expect(built[1]!.children![0]!.label).toEqual(city.name);
  });
});
