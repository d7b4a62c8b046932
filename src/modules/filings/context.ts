import type { AppContext } from '../shared/context.js';
import type { AttachmentStore } from './attachmentStore.js';
import type { Workflows } from './definitions.js';

/**
 * What the filing use cases need: the app's context (its clock dates every step, its holiday
 * calendar counts notice periods and deadlines), the workflows and where documents are kept.
 */
export interface FilingsContext extends AppContext {
  workflows: Workflows;
  attachments: AttachmentStore;
}
