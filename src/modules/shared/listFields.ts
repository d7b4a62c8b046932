import type { CityConfig } from '../../domain/city.js';

/**
 * SQL of a list field "located in an innovation zone" (创新区): the zone codes come from the city
 * configuration, which the city loader has already checked, so they are written as literals.
 */
export function innovationZoneColumn(city: CityConfig): string {
  const codes = city.zones.filter((z) => z.innovationZone).map((z) => `'${z.code.replace(/'/g, "''")}'`);
  return codes.length ? `(t.zone IS NOT NULL AND t.zone IN (${codes.join(', ')}))` : 'false';
}
