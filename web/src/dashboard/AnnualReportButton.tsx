import { FileTextOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage } from '../../../src/contracts/reports';
import { fetchAnnualReport } from '../api/reports';
import { ProblemAlert } from '../components/ProblemAlert';
import { messageSide } from '../i18n/language';
import { REPORT_FORMATS, type ReportChoice } from './annualReport';

interface Props {
  /** The years a report can be made for, oldest first. */
  years: readonly string[];
  /** The year the dashboard shows: the dialog's first choice. */
  period: string;
}

/** Saves a blob under a name, through a link the browser downloads. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser has the file; the address can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** 年度报告: the statistical report of a year as PDF, XLSX or HTML, in Chinese or English. */
export function AnnualReportButton({ years, period }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ReportChoice>({ year: period, lang: messageSide(i18n.language), format: 'pdf' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const show = () => {
    setChoice((c) => ({ ...c, year: period }));
    setError(null);
    setOpen(true);
  };
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await fetchAnnualReport(choice);
      save(file.blob, file.name);
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<FileTextOutlined />} onClick={show} data-testid="annual-report-button">
        {t('dashboard.report.button')}
      </Button>
      <Modal
        open={open}
        title={t('dashboard.report.title')}
        okText={t('dashboard.report.download')}
        onOk={() => void download()}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap="small">
          <Form layout="vertical" data-testid="annual-report-form">
            <Form.Item label={t('dashboard.report.year')}>
              <Select<string> aria-label={t('dashboard.report.year')} value={choice.year} onChange={(year) => setChoice({ ...choice, year })} options={[...years].reverse().map((y) => ({ value: y, label: y }))} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label={t('dashboard.report.language')}>
              <Radio.Group value={choice.lang} onChange={(e) => setChoice({ ...choice, lang: e.target.value as ReportLanguage })} options={(['zh', 'en'] as const).map((lang) => ({ value: lang, label: t(`dashboard.report.languages.${lang}`) }))} />
            </Form.Item>
            <Form.Item label={t('dashboard.report.format')} extra={t(`dashboard.report.formatHints.${choice.format}`)}>
              <Radio.Group value={choice.format} onChange={(e) => setChoice({ ...choice, format: e.target.value as ReportChoice['format'] })} options={REPORT_FORMATS.map((format) => ({ value: format, label: t(`dashboard.report.formats.${format}`) }))} />
            </Form.Item>
          </Form>
          {error !== null && <ProblemAlert error={error} />}
        </Flex>
      </Modal>
    </>
  );
}
