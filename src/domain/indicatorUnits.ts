import type { Message } from './message.js';

/** Units an indicator is measured in (计量单位). */
export const unitLabels = {
  count: { zh: '个', en: '' },
  percent: { zh: '%', en: '%' },
  yuan_100m: { zh: '亿元', en: '100 million yuan' },
  rank: { zh: '位', en: 'rank' },
} as const satisfies Record<string, Message>;
export type IndicatorUnit = keyof typeof unitLabels;

/** What a sum of yuan (the registry's money) is divided by to be shown in its indicator's unit: 亿元 = 10^8 yuan. */
export const yuanPerUnit: Partial<Record<IndicatorUnit, number>> = { yuan_100m: 1e8 };
