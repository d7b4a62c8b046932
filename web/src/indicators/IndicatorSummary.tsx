import { Card, Descriptions, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIndicatorCatalogue, type Indicator, type Observation } from '../api/indicators';
import { formatNumber, unitSpec } from './format';
import { formulaSummary } from './formulaSummary';
import { SourceTag } from './SourceTag';
import { useIndicatorFormat } from './useIndicatorFormat';

/** The value for the year and area shown, with the day it stands for (or its publication) and, for a share, its counts. */
export function ValueCard({ indicator, value, title }: { indicator: Indicator; value: Observation | undefined; title: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const shown = fmt.value(value?.value, unitSpec(indicator.unit, indicator.decimals));
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={shown} loading={value === undefined} valueStyle={{ fontWeight: 600 }} />
      {value && (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          <div>
            <SourceTag source={value.source} asOf={value.as_of} sourceNote={value.source_note} />
          </div>
          {value.numerator !== undefined && value.denominator !== undefined && (
            <Typography.Text type="secondary">
              {t('indicators.shareParts', { numerator: formatNumber(value.numerator, 0, fmt.side), denominator: formatNumber(value.denominator, 0, fmt.side) })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Definition, unit, measure, source and how the value is made. */
export function DefinitionCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const { data: catalogue } = useIndicatorCatalogue();
  const nameOf = (code: string) => {
    const found = catalogue?.results.find((i) => i.code === code);
    return found ? fmt.text(found.name) : code;
  };
  const lines = formulaSummary(indicator.formula, { entity: (e) => t(`imports.entities.${e}`), indicator: nameOf });
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        data-testid="indicator-definition"
        items={[
          { key: 'definition', label: t('indicators.fields.definition'), children: fmt.text(indicator.definition) },
          { key: 'unit', label: t('indicators.fields.unit'), children: fmt.text(indicator.unit_label) || t('common.none') },
          { key: 'measure', label: t('indicators.fields.measure'), children: t(`indicators.measures.${indicator.measure}`) },
          {
            key: 'formula',
            label: t('indicators.fields.formula'),
            children: (
              <Flex vertical>
                {lines.map(([key, params]) => (
                  <span key={key}>{t(`indicators.formula.${key}`, params)}</span>
                ))}
              </Flex>
            ),
          },
          ...(indicator.breakdowns.length
            ? [{ key: 'breakdowns', label: t('indicators.fields.breakdowns'), children: indicator.breakdowns.map((b) => <Tag key={b.code}>{fmt.text(b.label)}</Tag>) }]
            : []),
        ]}
      />
    </Card>
  );
}
