import { lazy, Suspense } from 'react';
import { useMe } from '../auth/session';

/** Its code (badge, tooltip, the inbox query) loads only for someone signed in: visitors never see it. Its text is a core one (nav.inboxWaiting), so the overview does not load the pages' texts for it. */
const InboxButton = lazy(() => import('./InboxButton').then((m) => ({ default: m.InboxButton })));

/** The header's inbox button for someone signed in. */
export function InboxBadge() {
  const { data: me } = useMe();
  if (!me?.user) return null;
  return (
    <Suspense>
      <InboxButton />
    </Suspense>
  );
}
