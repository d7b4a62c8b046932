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

/** Each language's texts are a chunk of their own: a page loads only the language it shows. */
const TRANSLATIONS: Record<Language, () => Promise<typeof zhCN>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};

/** The language's texts, and the default language's as the fallback for a text one lacks. */
async function loadTranslations(lang: Language): Promise<void> {
  const needed = [...new Set([lang, DEFAULT_LANGUAGE])].filter((l) => !i18next.hasResourceBundle(l, 'translation'));
  const texts = await Promise.all(needed.map((l) => TRANSLATIONS[l]()));
  needed.forEach((l, i) => i18next.addResourceBundle(l, 'translation', texts[i]));
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
  await loadTranslations(lang);
}

/** Switches every label at once and remembers the choice for the next visit. */
export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // not remembered, but still switched
  }
  await loadTranslations(lang);
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}
