import type { Config } from '../config.js';
import type { Observation } from '../contracts/indicators.js';
import { officialValueCreate } from '../contracts/indicators.js';
import { cliActor } from '../modules/audit/trail.js';
import { loadCatalogue } from '../modules/indicators/catalogue.js';
import { IndicatorEngine } from '../modules/indicators/engine.js';
import { addOfficialValue, observations } from '../modules/indicators/service.js';
import { AppError } from '../modules/shared/errors.js';
import { openAppContext } from './context.js';
import { say, tell } from './io.js';

/** `starcity indicators`, `starcity indicator <code>`, `starcity indicator-value <code>`: the indicator engine from a terminal. */

export async function withEngine<T>(config: Config, work: (engine: IndicatorEngine) => Promise<T>): Promise<T> {
  const { ctx } = await openAppContext(config, 'indicators');
  const db = ctx.db;
  try {
    return await problemsAsOptions(() => work(new IndicatorEngine(ctx, loadCatalogue(ctx.city))));
  } finally {
    await db.close();
  }
}

/** Problems name the option they are about, as the API names the field. */
export async function problemsAsOptions<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.errors.length) throw new Error(err.errors.map((e) => `--${e.field}: ${e.message.en} (${e.message.zh})`).join('\n'));
    throw err;
  }
}

const format = (v: number | null, decimals: number) => (v === null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ').trimEnd()).join('\n');
}

/** Every indicator with its value in a year (the last complete one by default); `rebuild` first builds every bucket again. */
export async function indicatorsCommand(config: Config, opts: { period?: string; json: boolean; rebuild?: boolean }): Promise<void> {
  await withEngine(config, async (engine) => {
    if (opts.rebuild) {
      const started = performance.now();
      await engine.rebuild();
      tell(`Every indicator's buckets built again from the registry in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    const year = opts.period ?? String(engine.years.last - 1);
    const rows: Observation[] = [];
    for (const code of engine.catalogue.indicators.keys()) rows.push(...(await observations(engine, code, { period: year })));
    if (opts.json) return void say(JSON.stringify(rows, null, 2));
    const line = (o: Observation) => {
      const def = engine.indicator(o.code)!.def;
      return [o.code, def.name.zh, format(o.value, def.decimals ?? 0), def.unit, o.source, o.as_of ?? ''];
    };
    say(table([['code', 'name', year, 'unit', 'source', 'as of'], ...rows.map(line)]));
  });
}

/** One indicator's values: every year, or one year broken down. */
export async function indicatorCommand(config: Config, code: string, opts: { period?: string; area?: string; breakdown?: string; json: boolean }): Promise<void> {
  await withEngine(config, async (engine) => {
    const rows = await observations(engine, code, opts);
    if (opts.json) return void say(JSON.stringify(rows, null, 2));
    const def = engine.indicator(code)!.def;
    const header = ['period', 'area', ...(opts.breakdown ? [opts.breakdown] : []), 'value', ...(def.unit === 'percent' ? ['of'] : [])];
    const line = (o: Observation) => [
      o.period,
      o.area,
      ...(opts.breakdown ? [o.breakdown_label?.zh ?? o.breakdown_key ?? '(none)'] : []),
      format(o.value, def.decimals ?? 0),
      ...(def.unit === 'percent' ? [o.denominator === undefined ? '' : `${o.numerator}/${o.denominator}`] : []),
    ];
    say(`${def.name.zh} ${def.name.en} (${code})`);
    say(table([header, ...rows.map(line)]));
  });
}

/** Records an official value (a publication or a revision) with its source. */
export async function indicatorValueCommand(config: Config, code: string, input: Record<string, unknown>): Promise<void> {
  const parsed = officialValueCreate.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0]).replace(/_/g, '-')}: ${i.message}`).join('\n'));
  await withEngine(config, async (engine) => {
    const v = await addOfficialValue(engine, code, parsed.data, cliActor());
    say(`Recorded ${code} ${v.period} (${v.area}) = ${v.value}, published ${v.published_on}: ${v.source}`);
  });
}
