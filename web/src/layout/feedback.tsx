import AppContext, { type useAppProps } from 'antd/es/app/context';
import { theme } from 'antd';
import { lazy, Suspense, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

/** The holders of antd's message, notification and modal (their code, ~50 KiB, loads on demand). */
const FeedbackHolders = lazy(() => import('./FeedbackHolders').then((m) => ({ default: m.FeedbackHolders })));

let wanted = false;
const onWanted = new Set<() => void>();
let feedbackReady: (api: useAppProps) => void = () => undefined;
const feedback = new Promise<useAppProps>((resolve) => (feedbackReady = resolve));

/**
 * Messages and dialogs (`App.useApp()`) for the pages beyond the overview: loads their holders and
 * resolves with the API once they are in the page. Every lazy route awaits it (routes.tsx), so a
 * page's `App.useApp()` is the real one; the overview and the header never wait on it.
 */
export function loadFeedback(): Promise<useAppProps> {
  if (!wanted) {
    wanted = true;
    onWanted.forEach((show) => show());
  }
  return feedback;
}

/**
 * What antd's `<App>` gives, split in two: the context that `App.useApp()` reads and its base font
 * and colour at once (the overview draws with them), the holders when first wanted — `<App>` loads
 * every holder's code with the first page, which the overview never uses (e2e/delivery.test.ts).
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  // Until the holders are in the page: antd's own default (no provider above this one).
  const noFeedbackYet = useContext(AppContext);
  const [api, setApi] = useState<useAppProps>();
  const [shown, setShown] = useState(wanted);
  useEffect(() => {
    const show = () => setShown(true);
    onWanted.add(show);
    if (wanted) show();
    return () => void onWanted.delete(show);
  }, []);
  const onReady = useCallback((ready: useAppProps) => {
    setApi(ready);
    feedbackReady(ready);
  }, []);
  return (
    <AppContext.Provider value={api ?? noFeedbackYet}>
      <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>{children}</div>
      {shown && (
        <Suspense>
          <FeedbackHolders onReady={onReady} />
        </Suspense>
      )}
    </AppContext.Provider>
  );
}
