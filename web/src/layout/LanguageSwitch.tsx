import { GlobalOutlined } from '@ant-design/icons';
import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { isLanguage, type Language } from '../i18n/language';

/** Each language is named in itself, so it can be found whatever the current language is. */
const OPTIONS: Array<{ value: Language; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Flex align="center" gap="small">
      <GlobalOutlined aria-hidden />
      <Segmented<Language>
        aria-label={t('app.language')}
        data-testid="language-switch"
        options={OPTIONS}
        value={isLanguage(i18n.language) ? i18n.language : 'zh-CN'}
        onChange={(lang) => void changeLanguage(lang)}
      />
    </Flex>
  );
}
