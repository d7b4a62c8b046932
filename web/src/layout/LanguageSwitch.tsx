import { GlobalOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
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
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Flex align="center" gap="small">
      <GlobalOutlined aria-hidden />
      {/* Two toggle buttons (aria-pressed) rather than antd's Segmented, whose code every page would load. */}
      <Flex role="group" aria-label={t('app.language')} data-testid="language-switch">
        {OPTIONS.map((o) => (
          <Button key={o.value} size="small" type={o.value === current ? 'primary' : 'default'} aria-pressed={o.value === current} lang={o.value} onClick={() => void changeLanguage(o.value)}>
            {o.label}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
