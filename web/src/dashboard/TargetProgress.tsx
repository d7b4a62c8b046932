import { Flex, Progress, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Target } from '../api/targets';
import type { UnitSpec } from '../indicators/format';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import { STATUS_TONES, targetBar, type Tone } from './prepareTargets';

/** Status of a target in its colour (achieved green, on track blue, at risk orange, off track red). */
export function StatusTag({ target }: { target: Target }) {
  const fmt = useIndicatorFormat();
  return (
    <Tag color={STATUS_TONES[target.status]} data-testid="target-status">
      {fmt.text(target.status_label)}
    </Tag>
  );
}

const COMPARATOR_KEYS = { '>=': 'atLeast', '<=': 'atMost', '≈': 'about' } as const;

/** "≥ 4,500" in the target's unit, with its tolerance for a band. */
export function useTargetText() {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  return (target: Target, unit: UnitSpec) => {
    const value = t(`targets.comparators.${COMPARATOR_KEYS[target.comparator]}`, { value: fmt.value(target.value, unit) });
    return target.tolerance === null ? value : value + t('targets.tolerance', { value: fmt.value(target.tolerance, unit) });
  };
}

/**
 * Progress towards the target in the status colour, with a tick where an even pace would have it
 * today; the figures behind both on hover.
 */
export function TargetBar({ target, unit }: { target: Target; unit: UnitSpec }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const { token } = theme.useToken();
  const colours: Record<Tone, string> = { success: token.colorSuccess, processing: token.colorPrimary, warning: token.colorWarning, error: token.colorError, default: token.colorTextQuaternary };
  const bar = targetBar(target);
  const hint = (
    <Flex vertical>
      <span>{t('targets.expected', { value: fmt.value(target.expected, unit) })}</span>
      {target.projected !== null && <span>{t('targets.projected', { value: fmt.value(target.projected, unit) })}</span>}
      {target.baseline !== null && <span>{t('targets.baseline', { value: fmt.value(target.baseline, unit) })}</span>}
    </Flex>
  );
  return (
    <Tooltip title={hint}>
      <div style={{ position: 'relative', minWidth: 120 }} data-testid="target-bar">
        <Progress percent={bar.percent ?? 0} showInfo={false} strokeColor={colours[bar.tone]} aria-label={t('targets.columns.progress')} />
        <span aria-hidden style={{ position: 'absolute', insetBlock: 2, insetInlineStart: `${bar.expectedPercent}%`, width: 2, background: token.colorTextSecondary }} />
      </div>
    </Tooltip>
  );
}

/** "344 / ≥ 400": where the indicator stands against the target. */
export function TargetFigures({ target, unit }: { target: Target; unit: UnitSpec }) {
  const fmt = useIndicatorFormat();
  const targetText = useTargetText();
  return (
    <Typography.Text style={{ whiteSpace: 'nowrap' }}>
      <strong>{fmt.value(target.current, unit)}</strong> / {targetText(target, unit)}
    </Typography.Text>
  );
}
