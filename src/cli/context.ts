import { loadCity, loadHolidayCalendar, type Config } from '../config.js';
import { openDatabase } from '../db/open.js';
import { appContext, type AppContext } from '../modules/shared/context.js';

/**
 * The one AppContext of a command: the configured city, its holiday calendar, the database and
 * the city's clock (STARCITY_TODAY honoured). The city is read first, so a bad city file fails
 * before the database is locked.
 */
export async function openAppContext(config: Config, command: string): Promise<{ ctx: AppContext; setUrl: (url: string) => void }> {
  const city = loadCity(config.city);
  const calendar = loadHolidayCalendar(city.calendar);
  const { db, setUrl } = await openDatabase(config, command);
  return { ctx: appContext(db, city, calendar, { today: config.today }), setUrl };
}
