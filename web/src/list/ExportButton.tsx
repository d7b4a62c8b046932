import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../api/resources';
import { EXPORT_FORMATS, exportLanguage, exportUrl } from './exportLink';

interface Props {
  /** API path of the list, e.g. /organizations. */
  path: string;
  /** The list's current query; the export applies its filter, search and sort. */
  params: ListParams;
}

/** 导出: a menu of file formats, each a download of the list as it is filtered now, in the UI's language. */
export function ExportButton({ path, params }: Props) {
  const { t, i18n } = useTranslation();
  const lang = exportLanguage(i18n.language);
  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'formats',
      label: t(lang === 'zh' ? 'list.exportHeadersZh' : 'list.exportHeadersEn'),
      children: EXPORT_FORMATS.map((format) => ({
        key: format,
        label: (
          <a href={exportUrl(path, params, format, lang)} download data-testid={`export-${format}`}>
            {t(`list.exportFormat.${format}`)}
          </a>
        ),
      })),
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="export-button">
        {t('list.export')}
      </Button>
    </Dropdown>
  );
}
