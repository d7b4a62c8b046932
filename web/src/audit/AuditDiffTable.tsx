import { Flex, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditDiff, hasChanges, type DiffKind, type DiffRow } from './auditDiff';

const KIND_COLORS: Record<DiffKind, string> = { added: 'green', removed: 'red', changed: 'blue', same: 'default' };

/** A value cell: JSON keeps its line breaks and wraps; an absent side shows the empty mark. */
function ValueCell({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>{value}</span>;
}

/** An entry's before/after, field by field; unchanged fields hidden unless asked for (or nothing changed). */
export function AuditDiffTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showSame, setShowSame] = useState(false);
  const rows = auditDiff(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const changed = hasChanges(rows);
  const anySame = rows.some((r) => r.kind === 'same');
  const shown = changed && !showSame ? rows.filter((r) => r.kind !== 'same') : rows;
  const columns: TableProps<DiffRow>['columns'] = [
    { key: 'field', title: t('audit.diffColumns.field'), width: 150, render: (_, r) => (r.field ? <Typography.Text code>{r.field}</Typography.Text> : t('audit.wholeValue')) },
    { key: 'kind', title: t('audit.diffColumns.change'), width: 80, render: (_, r) => <Tag color={KIND_COLORS[r.kind]}>{t(`audit.diffKinds.${r.kind}`)}</Tag> },
    { key: 'before', title: t('audit.diffColumns.before'), render: (_, r) => <ValueCell value={r.before} /> },
    { key: 'after', title: t('audit.diffColumns.after'), render: (_, r) => <ValueCell value={r.after} /> },
  ];
  return (
    <Flex vertical gap="small">
      {changed && anySame && (
        <Flex gap="small" align="center">
          <Switch size="small" checked={showSame} onChange={setShowSame} data-testid="audit-show-unchanged" />
          <Typography.Text>{t('audit.showUnchanged')}</Typography.Text>
        </Flex>
      )}
      <Table<DiffRow>
        data-testid="audit-diff"
        size="small"
        rowKey="field"
        pagination={false}
        columns={columns}
        dataSource={shown}
      />
    </Flex>
  );
}
