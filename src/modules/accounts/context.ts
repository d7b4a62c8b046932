import type { SessionPolicy } from '../../domain/accountSecurity.js';
import type { AppContext } from '../shared/context.js';

/** What the account use cases need: the app's context (every account time comes from its clock) and the session timeouts. */
export interface AccountsContext extends AppContext {
  sessions: SessionPolicy;
}
