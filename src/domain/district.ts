import type { CityConfig } from './city.js';
import { violation, type Message, type RuleViolation } from './message.js';

/**
 * District codes (区县代码, GB/T 2260) of an organisation's own location. Only the city's current
 * county-level divisions are accepted: the city code, placeholders (市辖区) and retired codes are
 * refused with a message that says what to use instead.
 */
export function checkDistrictCode(city: CityConfig, code: string): RuleViolation | null {
  if (!/^\d{6}$/.test(code)) {
    return violation('district.format', `区县代码应为6位数字，实为“${code}”`, `A district code has 6 digits, not "${code}"`, { code });
  }
  if (city.districts.some((d) => d.code === code)) return null;
  const retired = city.retiredDistricts.find((d) => d.code === code);
  if (retired) return retiredViolation(city, code, retired.name, retired.successor);
  if (code === city.code) {
    return violation(
      'district.city_level',
      `${code} 是${city.name.zh}本级代码，不是区县，请选择具体区县`,
      `${code} is ${city.name.en}, a city, not a district; choose one of its districts`,
      { code },
    );
  }
  if (city.placeholderCodes.includes(code)) {
    return violation(
      'district.placeholder',
      `${code}（市辖区）是统计用占位代码，不是区县，请选择具体区县`,
      `${code} (municipal districts) is a statistical placeholder, not a district; choose a real district`,
      { code },
    );
  }
  return violation(
    'district.unknown',
    `${code} 不是${city.name.zh}的区县代码`,
    `${code} is not a district of ${city.name.en}`,
    { code, city: city.code },
  );
}

function retiredViolation(city: CityConfig, code: string, name: Message, successor: string): RuleViolation {
  const successorName = districtName(city, successor) ?? { zh: '', en: '' };
  return violation(
    'district.retired',
    `${code}（${name.zh}）已撤销，请改用 ${successor} ${successorName.zh}`,
    `${code} (${name.en}) has been retired; use ${successor} ${successorName.en}`,
    { code, successor, successorName: successorName.zh, successorNameEn: successorName.en },
  );
}

/** The bilingual name of a current district, or null for any other code. */
export function districtName(city: CityConfig, code: string): Message | null {
  return city.districts.find((d) => d.code === code)?.name ?? null;
}
