import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import '../i18n/dayjsLocale';

export const DATE_FORMAT = 'YYYY-MM-DD';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** A DatePicker whose form value is the API's `YYYY-MM-DD` string (null when cleared). */
export function DateInput({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const parsed: Dayjs | null = value ? dayjs(value, DATE_FORMAT) : null;
  return (
    <DatePicker
      id={id}
      value={parsed}
      format={DATE_FORMAT}
      placeholder={t('form.datePlaceholder')}
      style={{ width: '100%' }}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : null)}
    />
  );
}
