import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES-module locales: antd/locale/* are CommonJS copies of code the app already loads as ES modules.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { ApiProblem } from './api/problem';
import { ME_KEY } from './auth/session';
import { FeedbackProvider } from './layout/feedback';
import { createRouter } from './routes';
import { useReducedMotion } from './layout/useReducedMotion';
import { themeFor } from './theme';

const MAX_RETRIES = 2;

/** Client errors (4xx) will not change on retry; server and network errors may. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiProblem && error.status >= 400 && error.status < 500) return false;
  return failures < MAX_RETRIES;
}

/** A 401 other than a wrong password means the session ended (or never was): sign in, then come back. */
export function needsSignIn(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 401 && !error.problem.errors.some((e) => e.code === 'auth.bad_credentials');
}

type Router = ReturnType<typeof createRouter>;

function makeQueryClient(router: Router) {
  const onError = (error: unknown) => {
    if (!needsSignIn(error)) return;
    const { pathname, search } = router.state.location;
    if (pathname === '/login') return;
    void client.invalidateQueries({ queryKey: ME_KEY });
    void router.navigate(`/login?expired=1&next=${encodeURIComponent(pathname + search)}`);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: { queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 } },
  });
  return client;
}

/** Providers: data cache, antd theme (still when the user asks for reduced motion) and locale (follows the UI language), messages and dialogs, router. */
export function App() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const [{ queryClient, router }] = useState(() => {
    const router = createRouter();
    return { router, queryClient: makeQueryClient(router) };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={themeFor(reducedMotion)}>
        <FeedbackProvider>
          <RouterProvider router={router} />
        </FeedbackProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
