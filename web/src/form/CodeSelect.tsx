import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CodeListName } from '../i18n/codeLabels';
import { useCodeLabels } from '../i18n/useCodeLabels';

interface Props {
  id?: string;
  list: CodeListName;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Optional fields can be cleared back to null. */
  allowClear?: boolean;
}

/** A select over one code list of /api/v1/meta, labelled in the current language. */
export function CodeSelect({ id, list, value, onChange, allowClear = false }: Props) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  return (
    <Select
      id={id}
      value={value ?? null}
      options={options(list)}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('form.selectPlaceholder')}
      onChange={(v: string | undefined | null) => onChange?.(v ?? null)}
    />
  );
}
