import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { isLanguage, type Language } from '../i18n/language';

/** Each language named in itself, so it can be found whatever the current language is. */
const OPTIONS: Array<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** The workspace's language switch in the portal's look: two toggle buttons, no antd. */
export function PortalLanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <div role="group" aria-label={t('app.language')} className="portal-language" data-testid="language-switch">
      {OPTIONS.map((o) => (
        <button key={o.value} type="button" lang={o.value} aria-pressed={o.value === current} className={o.value === current ? 'portal-button' : 'portal-button secondary'} onClick={() => void changeLanguage(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
