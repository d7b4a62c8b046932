import type { Dashboard, Observation } from '../../contracts/indicators.js';
import { growthPercent } from '../../domain/indicatorSeries.js';
import type { IndicatorEngine } from './engine.js';
import { checkYear, findIndicator, observations, presentIndicator } from './service.js';
import { listTargets } from './targets.js';

/**
 * Everything the dashboard (驾驶舱) shows, in one reply: KPI cards with the year before, the
 * targets' standing, trends since the first year, district breakdowns, the map and the "four
 * global" funnel. Which indicators go where is part of the catalogue (config/indicators.json).
 */
export async function dashboard(engine: IndicatorEngine, q: { period?: string; target_period?: string }): Promise<Dashboard> {
  const { last } = engine.years;
  const year = q.period ? checkYear(engine, q.period) : last - 1;
  const targetYear = q.target_period ? checkYear(engine, q.target_period, 'target_period') : last;
  const layout = engine.catalogue.dashboard;
  const city = engine.city.code;
  const versions = await engine.versions();
  const indicator = (code: string) => presentIndicator(engine, findIndicator(engine, code));
  const observe = async (code: string, y: number): Promise<Observation> => engine.observation(code, y, city, await engine.value(code, y, city, versions));

  const [kpis, targets, trends, breakdowns, map, funnel] = await Promise.all([
    Promise.all(
      layout.kpis.map(async (code) => {
        const [value, previous] = await Promise.all([observe(code, year), year > engine.years.first ? observe(code, year - 1) : null]);
        const change = value.value !== null && previous?.value != null ? value.value - previous.value : null;
        return { indicator: indicator(code), value, previous, change, change_percent: growthPercent(value.value, previous?.value ?? null) };
      }),
    ),
    listTargets(engine, { period: String(targetYear), area: city }, versions),
    Promise.all(layout.trends.map(async (code) => ({ indicator: indicator(code), points: await observations(engine, code, {}, versions) }))),
    Promise.all(layout.breakdowns.map(async (code) => ({ indicator: indicator(code), breakdown: 'district', points: await observations(engine, code, { period: String(year), breakdown: 'district' }, versions) }))),
    observations(engine, layout.map, { period: String(year), breakdown: 'district' }, versions).then((points) => ({ indicator: indicator(layout.map), points })),
    Promise.all(layout.funnel.map(async (code) => ({ indicator: indicator(code), value: await observe(code, year) }))),
  ]);
  return { period: String(year), target_period: String(targetYear), running_period: String(last), as_of: engine.asOf(year), area: city, computed_at: engine.app.clock.now().toISOString(), kpis, targets, trends, breakdowns, map, funnel };
}
