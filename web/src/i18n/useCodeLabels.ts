import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/hooks';
import { codeLabel, codeOptions, type CodeListName, type CodeOption } from './codeLabels';
import { messageSide } from './language';

export interface CodeLabels {
  /** Label of a code in the current language; null/undefined shows the empty mark. */
  label(list: CodeListName, code: string | null | undefined): string;
  options(list: CodeListName): CodeOption[];
  side: 'zh' | 'en';
}

/** Labels code values from /api/v1/meta in the current UI language. */
export function useCodeLabels(): CodeLabels {
  const { t, i18n } = useTranslation();
  const { data: meta } = useMeta();
  const side = messageSide(i18n.language);
  const none = t('common.none');
  const label = useCallback(
    (list: CodeListName, code: string | null | undefined) => (code === null || code === undefined ? none : codeLabel(meta, list, code, side)),
    [meta, side, none],
  );
  const options = useCallback((list: CodeListName) => codeOptions(meta, list, side), [meta, side]);
  return { label, options, side };
}
