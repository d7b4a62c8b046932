import type { Database } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import type { HolidayCalendar } from '../../domain/workflow/holidayCalendar.js';
import type { AttachmentStore } from './attachmentStore.js';
import type { Workflows } from './definitions.js';

/** What the filing use cases need: the database (they open transactions), the city and its holiday calendar, the workflows, a clock and where documents are kept. */
export interface FilingsContext {
  db: Database;
  city: CityConfig;
  /** The city's holiday calendar (its `calendar`), which notice periods and deadlines count working days by. */
  calendar: HolidayCalendar;
  workflows: Workflows;
  now: () => Date;
  /** Today in the city's time zone (YYYY-MM-DD); tests pass their own. */
  today: () => string;
  attachments: AttachmentStore;
}
