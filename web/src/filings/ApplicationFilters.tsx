import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFilingTypes } from '../api/filings';
import { useCodeLabels } from '../i18n/useCodeLabels';
import type { ApplicationListState } from './applicationListQuery';
import { stateChoices } from './filingOptions';
import { useMessageText } from './useMessageText';

/** The queue's filters: filing type, state, district, zone. */
export function ApplicationFilters({ state, onChange }: { state: ApplicationListState; onChange: (next: ApplicationListState) => void }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { options } = useCodeLabels();
  const { data: types } = useFilingTypes();
  const set = (patch: Partial<ApplicationListState>) => onChange({ ...state, ...patch, page: 1 });
  return (
    <Flex gap="small" wrap>
      <Select<string>
        data-testid="filter-type"
        allowClear
        placeholder={t('filings.list.allTypes')}
        aria-label={t('filings.list.allTypes')}
        value={state.filingType ?? undefined}
        onChange={(v) => set({ filingType: v ?? null })}
        options={(types?.results ?? []).map((ft) => ({ value: ft.code, label: text(ft.name) }))}
        style={{ width: 240 }}
      />
      <Select<string>
        data-testid="filter-state"
        allowClear
        placeholder={t('filings.list.allStates')}
        aria-label={t('filings.list.allStates')}
        value={state.state ?? undefined}
        onChange={(v) => set({ state: v ?? null })}
        options={stateChoices(types).map((s) => ({ value: s.code, label: text(s.label) }))}
        style={{ width: 180 }}
      />
      <Select<string>
        data-testid="filter-district"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filings.list.allDistricts')}
        aria-label={t('filings.list.allDistricts')}
        value={state.district ?? undefined}
        onChange={(v) => set({ district: v ?? null })}
        options={options('district')}
        style={{ width: 180 }}
      />
      <Select<string>
        data-testid="filter-zone"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filings.list.allZones')}
        aria-label={t('filings.list.allZones')}
        value={state.zone ?? undefined}
        onChange={(v) => set({ zone: v ?? null })}
        options={options('zone')}
        style={{ width: 180 }}
      />
    </Flex>
  );
}
