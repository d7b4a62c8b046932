import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCity, loadHolidayCalendar, type Config } from '../config.js';
import { todayIn } from '../domain/calendarDate.js';
import { uncoveredYears } from '../domain/workflow/holidayCalendar.js';
import { pendingMigrations } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { say, failWith } from './io.js';

/** `starcity doctor`: says what is configured and whether each part works, one line per check. */
export async function doctor(config: Config): Promise<void> {
  let failures = 0;
  const line = (ok: boolean, what: string, detail: string) => {
    if (!ok) failures++;
    say(`${ok ? '✓' : '✗'} ${what}: ${detail}`);
  };
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  line(major > 20 || (major === 20 && minor >= 19), 'Node.js', `${process.versions.node} (needs ≥ 20.19)`);
  try {
    const city = loadCity(config.city);
    line(true, 'City', `${city.name.zh} ${city.name.en} (${city.code}), ${city.districts.length} districts, ${city.zones.length} zones`);
    const calendar = loadHolidayCalendar(city.calendar);
    const uncovered = uncoveredYears(calendar, config.today ?? todayIn(city.timeZone));
    const years = [...calendar.years].sort().join(', ');
    // A missing year is a warning, not a failure: working days there count Monday to Friday.
    if (uncovered.length) say(`! Holiday calendar: "${city.calendar}" covers ${years} — add ${uncovered.join(' and ')} from the published notice`);
    else line(true, 'Holiday calendar', `"${city.calendar}" covers ${years}`);
  } catch (err) {
    line(false, 'City', (err as Error).message);
  }
  line(existsSync(join(config.webRoot, 'index.html')), 'Web UI build', existsSync(config.webRoot) ? config.webRoot : `${config.webRoot} missing — run npm run build`);
  say(`  HTTP: port ${config.port} on ${config.host}; demo data on first start: ${config.demo ? 'yes' : 'no'}`);
  try {
    const { db } = await openDatabase(config, 'doctor');
    try {
      const pending = await pendingMigrations(db);
      const where = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}` : `embedded PGlite in ${config.dataDir}`;
      line(true, 'Database', where);
      line(pending.length === 0, 'Migrations', pending.length ? `pending: ${pending.join(', ')} — run starcity migrate` : 'up to date');
    } finally {
      await db.close();
    }
  } catch (err) {
    line(false, 'Database', (err as Error).message);
  }
  if (failures) failWith(1);
}
