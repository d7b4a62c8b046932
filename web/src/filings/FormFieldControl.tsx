import { Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../src/domain/workflow/definition';
import { DateInput } from '../form/DateInput';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { controlOf, type FormValue } from './formFields';
import { useMessageText } from './useMessageText';

interface Props {
  field: FormField;
  id?: string;
  value?: FormValue;
  onChange?: (value: FormValue) => void;
  disabled?: boolean;
}

/** The control of one application-form field, by its type (districts and zones from the city configuration). */
export function FormFieldControl({ field, id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { options } = useCodeLabels();
  const control = controlOf(field);
  const common = { id, disabled };
  switch (control.kind) {
    case 'text':
      return <Input {...common} value={typeof value === 'string' ? value : ''} maxLength={500} onChange={(e) => onChange?.(e.target.value)} />;
    case 'longtext':
      return <Input.TextArea {...common} value={typeof value === 'string' ? value : ''} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} onChange={(e) => onChange?.(e.target.value)} />;
    case 'number':
      return (
        <InputNumber<number>
          {...common}
          value={typeof value === 'number' ? value : null}
          min={0}
          style={{ width: '100%', maxWidth: 320 }}
          {...(field.unit ? { suffix: text(field.unit) } : {})}
          onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
        />
      );
    case 'date':
      return <DateInput id={id} value={typeof value === 'string' ? value : null} onChange={(v) => onChange?.(v)} />;
    case 'yesNo':
      return (
        <Radio.Group {...common} value={typeof value === 'boolean' ? value : null} onChange={(e) => onChange?.(e.target.value as boolean)}>
          <Radio value={true}>{t('filings.yes')}</Radio>
          <Radio value={false}>{t('filings.no')}</Radio>
        </Radio.Group>
      );
    case 'codes':
      return (
        <Select
          {...common}
          allowClear
          value={typeof value === 'string' ? value : null}
          options={control.codes.map((code) => ({ value: code, label: field.codes?.[code] ? text(field.codes[code]) : code }))}
          placeholder={t('form.selectPlaceholder')}
          onChange={(v: string | null | undefined) => onChange?.(v ?? null)}
        />
      );
    case 'cityCode':
      return (
        <Select
          {...common}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={typeof value === 'string' ? value : null}
          options={options(control.list)}
          placeholder={t('form.selectPlaceholder')}
          onChange={(v: string | null | undefined) => onChange?.(v ?? null)}
        />
      );
  }
}
