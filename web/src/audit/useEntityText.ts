import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownEntity } from './auditView';

/** An entry's kind of record in the UI language; a kind this build does not know shows as the server names it. */
export function useEntityText(): (entity: string) => string {
  const { t } = useTranslation();
  return useCallback((entity: string) => (isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity), [t]);
}
