import { lazy, Suspense } from 'react';
import { useMe } from '../auth/session';
import { loadPageTexts } from '../i18n';

/** Its code (badge, tooltip, the inbox query) and its texts load only for someone signed in: visitors never see it. */
const InboxButton = lazy(() => Promise.all([import('./InboxButton'), loadPageTexts()]).then(([m]) => ({ default: m.InboxButton })));

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
