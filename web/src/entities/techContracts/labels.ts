import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { zhCN } from '../../i18n/zh-CN';

export type TechContractField = keyof typeof zhCN.techContract.fields;

/** The label of a contract field in the current language. */
export function useFieldLabel(): (field: TechContractField) => string {
  const { t } = useTranslation();
  return useCallback((field: TechContractField) => t(`techContract.fields.${field}`), [t]);
}
