import type { Database, Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';

/** What a registry use case needs: somewhere to run SQL (the database or an open transaction) and the city it serves. */
export interface ServiceContext {
  db: Queryable;
  city: CityConfig;
}

/** The long-lived context of a running server or CLI command. */
export interface RegistryContext extends ServiceContext {
  db: Database;
}
