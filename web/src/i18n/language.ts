/** The UI languages: zh-CN is the default, en the alternative. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const LANGUAGE_STORAGE_KEY = 'starcity.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice when it is one we ship; otherwise the default (never the browser's guess). */
export function resolveLanguage(stored: string | null): Language {
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/** Which side of a bilingual `{zh, en}` message the API sends to show. */
export function messageSide(lang: string): 'zh' | 'en' {
  return lang === 'en' ? 'en' : 'zh';
}
