import type { CityConfig } from './city.js';
import type { Message } from './message.js';
import { provinceNames } from './province.js';

/** China's divisions as config/regions/cn.json lists them: [code, Chinese name] pairs. */
export interface Divisions {
  provinces: ReadonlyArray<readonly [string, string]>;
  cities: ReadonlyArray<readonly [string, string]>;
  counties: ReadonlyArray<readonly [string, string]>;
}

export interface RegionNode {
  code: string;
  label: Message;
  children?: RegionNode[];
}

/** A name the list gives in Chinese only: the English side keeps it, as the documents write it. */
const chineseOnly = (name: string): Message => ({ zh: name, en: name });

/**
 * The counties a buyer in China may be in, as a province → city → county tree: the county list
 * and the city's own districts (which the server accepts even when the list lacks them), each
 * once, named by the city's configuration where it names them, in code order. A district whose
 * city or province the list lacks is placed under one named by its code, so no accepted code is
 * left out.
 */
export function buyerRegionTree(city: CityConfig, divisions: Divisions): RegionNode[] {
  const counties = new Map<string, Message>(divisions.counties.map(([code, name]) => [code, chineseOnly(name)]));
  for (const d of city.districts) counties.set(d.code, d.name);
  const cityNames = new Map(divisions.cities.map(([code, name]) => [code, name]));
  const provinces = new Map<string, RegionNode>();
  const cities = new Map<string, RegionNode>();
  for (const [code, label] of [...counties].sort(([a], [b]) => a.localeCompare(b))) {
    const p = code.slice(0, 2);
    const c = code.slice(0, 4);
    let province = provinces.get(p);
    if (!province) provinces.set(p, (province = { code: p, label: provinceNames[p] ?? chineseOnly(p), children: [] }));
    let cityNode = cities.get(c);
    if (!cityNode) {
      const name = c === city.code.slice(0, 4) ? city.name : cityNames.has(c) ? chineseOnly(cityNames.get(c)!) : chineseOnly(c);
      cities.set(c, (cityNode = { code: c, label: name, children: [] }));
      province.children!.push(cityNode);
    }
    cityNode.children!.push({ code, label });
  }
  return [...provinces.values()];
}
