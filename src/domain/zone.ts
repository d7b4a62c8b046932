import type { CityConfig } from './city.js';
import { violation, type Message, type RuleViolation } from './message.js';

/**
 * Functional and innovation zones (功能区 / 创新区) have no GB/T 2260 code, so each city lists
 * them in its configuration and records refer to them by slug.
 */
export function checkZone(city: CityConfig, code: string): RuleViolation | null {
  if (city.zones.some((z) => z.code === code)) return null;
  const allowed = city.zones.map((z) => z.code).join(', ');
  return violation(
    'zone.unknown',
    `“${code}”不是${city.name.zh}的功能区或创新区；可选：${allowed}`,
    `"${code}" is not a zone of ${city.name.en}; allowed: ${allowed}`,
    { code, allowed },
  );
}

/** True for zones configured as innovation zones (e.g. 湘江科学城), false otherwise. */
export function isInnovationZone(city: CityConfig, code: string): boolean {
  return city.zones.some((z) => z.code === code && z.innovationZone);
}

/** The bilingual name of a configured zone, or null. */
export function zoneName(city: CityConfig, code: string): Message | null {
  return city.zones.find((z) => z.code === code)?.name ?? null;
}
