import countries, { type LocaleData } from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

/** The same country names the server words its region problems with (it loads these two locales). */
countries.registerLocale(zh as LocaleData);
countries.registerLocale(en as LocaleData);

export interface CountryOption {
  value: string;
  label: string;
}

/**
 * Countries a buyer abroad may be in (ISO 3166-1 alpha-2), named in the UI's language and
 * sorted by name; China is not one of them: a buyer in China is given by its county.
 */
export function countryOptions(side: 'zh' | 'en'): CountryOption[] {
  const names = countries.getNames(side);
  return Object.keys(countries.getAlpha2Codes())
    .filter((code) => code !== 'CN')
    .map((code) => ({ value: code, label: `${names[code] ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, side === 'zh' ? 'zh-CN' : 'en'));
}

/** A buyer's region as a reader sees it: a country by its name, a county as `countyName` words it (the city's districts by name). */
export function regionLabel(region: string, side: 'zh' | 'en', countyName: (code: string) => string): string {
  if (!/^[A-Z]{2}$/.test(region)) return countyName(region);
  const name = countries.getName(region, side);
  return name ? `${name} (${region})` : region;
}

/** A place of the region picker: a province, a city or a county, labelled in the UI's language. */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

interface RegionNode {
  code: string;
  label: { zh: string; en: string };
  children?: RegionNode[];
}

/** The picker's province → city → county options from /meta/regions, named in the UI's language. */
export function regionOptions(provinces: readonly RegionNode[], side: 'zh' | 'en'): RegionOption[] {
  const option = (n: RegionNode): RegionOption => (n.children ? { value: n.code, label: n.label[side], children: n.children.map(option) } : { value: n.code, label: n.label[side] });
  return provinces.map(option);
}

/** The picker's path to a county code (province, city, county), or undefined for one the list lacks or none. */
export function regionPath(options: readonly RegionOption[], code: string | null | undefined): string[] | undefined {
  if (!code || !/^\d{6}$/.test(code)) return undefined;
  const province = options.find((p) => p.value === code.slice(0, 2));
  const city = province?.children?.find((c) => c.value === code.slice(0, 4));
  return city?.children?.some((c) => c.value === code) ? [province!.value, city.value, code] : undefined;
}

/** A search matches any part of the path, by name or code (a code from a document), ignoring case: "长沙 岳麓" or "430104". */
export function regionMatches(input: string, path: readonly RegionOption[]): boolean {
  const text = path.map((o) => `${o.label} ${o.value}`).join(' ').toLowerCase();
  return input
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/** A county by its path's names ("广东省 佛山市 禅城区"), or undefined for a code the list lacks. */
export function countyName(options: readonly RegionOption[], code: string): string | undefined {
  const path = regionPath(options, code);
  if (!path) return undefined;
  const province = options.find((p) => p.value === path[0])!;
  const city = province.children!.find((c) => c.value === path[1])!;
  return [province.label, city.label, city.children!.find((c) => c.value === code)!.label].join(' ');
}
