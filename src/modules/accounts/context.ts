import type { Database } from '../../db/client.js';
import type { SessionPolicy } from '../../domain/accountSecurity.js';
import type { CityConfig } from '../../domain/city.js';

/** What the account use cases need: the database (they open transactions), the city, a clock and the session timeouts. */
export interface AccountsContext {
  db: Database;
  city: CityConfig;
  /** The clock every account time is taken from; tests pass their own. */
  now: () => Date;
  sessions: SessionPolicy;
}
