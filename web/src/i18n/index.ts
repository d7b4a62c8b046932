import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, resolveLanguage, type Language } from './language';
import type { zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

type Texts = Partial<typeof zhCN>;

/**
 * Each language's texts are two chunks of their own: the core (layout, overview, signing in) that
 * the first page needs, and the pages' texts, loaded with the first page beyond it (`loadPageTexts`,
 * awaited by every lazy route in routes.tsx) — the first visit's JavaScript stays small (≤ 800 KiB,
 * e2e/delivery.test.ts) however many pages the app grows.
 */
const TRANSLATIONS: Record<Language, { core: () => Promise<Texts>; pages: () => Promise<Texts> }> = {
  'zh-CN': { core: () => import('./zh-CN/core').then((m) => m.zhCNCore), pages: () => import('./zh-CN/pages').then((m) => m.zhCNPages) },
  en: { core: () => import('./en/core').then((m) => m.enCore), pages: () => import('./en/pages').then((m) => m.enPages) },
};

type Part = keyof (typeof TRANSLATIONS)[Language];
const loaded = new Set<`${Language}:${Part}`>();
/** Whether a page beyond the first asked for its texts: a language switch then loads them too. */
let pagesWanted = false;

/** A part of the language's texts, and of the default language's as the fallback for a text one lacks. */
async function loadTranslations(lang: Language, part: Part): Promise<void> {
  const needed = [...new Set([lang, DEFAULT_LANGUAGE])].filter((l) => !loaded.has(`${l}:${part}`));
  const texts = await Promise.all(needed.map((l) => TRANSLATIONS[l][part]()));
  needed.forEach((l, i) => {
    i18next.addResourceBundle(l, 'translation', texts[i], true, true);
    loaded.add(`${l}:${part}`);
  });
}

/** The pages' texts in the current language: awaited before a page beyond the first renders. */
export function loadPageTexts(): Promise<void> {
  pagesWanted = true;
  return loadTranslations(resolveLanguage(i18next.language), 'pages');
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (privacy mode): just use the default
  }
}

/** Side effect of a language outside React: <html lang> for screen readers (dayjs follows in dayjsLocale.ts). */
function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<void> {
  const lang = resolveLanguage(storedLanguage());
  applyLanguage(lang);
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: lang,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes
  });
  await loadTranslations(lang, 'core');
}

/** Switches every label at once and remembers the choice for the next visit. */
export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // not remembered, but still switched
  }
  await loadTranslations(lang, 'core');
  if (pagesWanted) await loadTranslations(lang, 'pages');
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}
