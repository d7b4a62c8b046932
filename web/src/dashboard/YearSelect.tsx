import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  years: readonly string[];
  value: string | undefined;
  onChange: (year: string) => void;
  testId?: string;
}

/** A year picker, newest first. */
export function YearSelect({ years, value, onChange, testId = 'year-select' }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string>
      aria-label={t('dashboard.year')}
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={[...years].reverse().map((y) => ({ value: y, label: y }))}
      style={{ width: 110 }}
    />
  );
}
