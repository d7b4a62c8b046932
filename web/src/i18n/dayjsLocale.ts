import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';

/**
 * dayjs (the date pickers' month and weekday names) follows the UI language. Imported by the
 * modules that show a date picker, so a page without one does not load dayjs.
 */
function followLanguage(lang: string): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

followLanguage(i18next.language);
i18next.on('languageChanged', followLanguage);
