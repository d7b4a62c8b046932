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
