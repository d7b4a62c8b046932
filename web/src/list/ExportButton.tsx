import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportView } from '../../../src/contracts/exports';
import type { ListParams } from '../api/resources';
import { EXPORT_FORMATS, exportLanguage, exportUrl } from './exportLink';

interface Props {
  /** API path of the list, e.g. /organizations. */
  path: string;
  /** The list's current query; the export applies its filter, search and sort. */
  params: ListParams;
}

/**
 * 导出: a menu of file formats, each a download of the list as it is filtered now, in the UI's
 * language — first in the import format, then as a report (报表格式) with names and labels.
 */
export function ExportButton({ path, params }: Props) {
  const { t, i18n } = useTranslation();
  const lang = exportLanguage(i18n.language);
  const formats = (view: ExportView) =>
    EXPORT_FORMATS.map((format) => ({
      key: `${view}-${format}`,
      label: (
        <a href={exportUrl(path, params, format, lang, view)} download data-testid={view === 'import' ? `export-${format}` : `export-${view}-${format}`}>
          {t(`list.exportFormat.${format}`)}
        </a>
      ),
    }));
  const items: MenuProps['items'] = [
    { type: 'group', key: 'import', label: t(lang === 'zh' ? 'list.exportHeadersZh' : 'list.exportHeadersEn'), children: formats('import') },
    { type: 'group', key: 'report', label: t('list.exportReport'), children: formats('report') },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="export-button">
        {t('list.export')}
      </Button>
    </Dropdown>
  );
}
