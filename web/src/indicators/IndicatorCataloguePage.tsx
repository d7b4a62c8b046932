import { Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useIndicatorCatalogue, type Indicator } from '../api/indicators';
import { ProblemAlert } from '../components/ProblemAlert';
import { filterCatalogue, readCatalogueFilter, writeCatalogueFilter, type CatalogueFilter } from './catalogueFilter';
import { SourceTag } from './SourceTag';
import { useIndicatorFormat } from './useIndicatorFormat';
import { PageTitle } from '../components/PageTitle';

type SourceChoice = Indicator['source'] | 'all';

/** 指标目录: every indicator with its unit, measure and source; filter by source, search by name or code. */
export function IndicatorCataloguePage() {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const navigate = useNavigate();
  const [query, setQuery] = useSearchParams();
  const filter = readCatalogueFilter(query);
  const setFilter = (next: CatalogueFilter) => setQuery(writeCatalogueFilter(next), { replace: true });
  const { data, error, isPending } = useIndicatorCatalogue();
  const rows = filterCatalogue(data?.results ?? [], filter);

  return (
    <Flex vertical gap="middle">
      <div>
        <PageTitle>{t('indicators.title')}</PageTitle>
        <Typography.Text type="secondary">{t('indicators.intro')}</Typography.Text>
      </div>
      <Flex gap="small" wrap>
        <Segmented<SourceChoice>
          data-testid="catalogue-source"
          value={filter.source ?? 'all'}
          onChange={(v) => setFilter({ ...filter, source: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: t('indicators.allSources') },
            { value: 'computed', label: t('indicators.sources.computed') },
            { value: 'official', label: t('indicators.sources.official') },
          ]}
        />
        <Input.Search
          data-testid="catalogue-search"
          allowClear
          defaultValue={filter.search}
          placeholder={t('indicators.searchPlaceholder')}
          onSearch={(search) => setFilter({ ...filter, search: search.trim() })}
          style={{ width: 320 }}
        />
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table<Indicator>
        data-testid="indicator-catalogue"
        rowKey="code"
        size="middle"
        loading={isPending}
        dataSource={rows}
        pagination={false}
        onRow={(i) => ({ onClick: () => navigate(`/indicators/${encodeURIComponent(i.code)}`), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('indicators.fields.name'), render: (_, i) => <Link to={`/indicators/${encodeURIComponent(i.code)}`}>{fmt.text(i.name)}</Link> },
          { key: 'code', title: t('indicators.fields.code'), render: (_, i) => <Typography.Text code>{i.code}</Typography.Text> },
          { key: 'unit', title: t('indicators.fields.unit'), render: (_, i) => fmt.text(i.unit_label) || t('common.none') },
          { key: 'measure', title: t('indicators.fields.measure'), render: (_, i) => <Tag>{t(`indicators.measures.${i.measure}`)}</Tag> },
          { key: 'source', title: t('indicators.fields.source'), render: (_, i) => <SourceTag source={i.source} asOf={null} /> },
        ]}
      />
    </Flex>
  );
}
