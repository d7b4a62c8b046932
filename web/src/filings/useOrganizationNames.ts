import { useList } from '../api/hooks';
import { organizations } from '../api/resources';

/** Names of organizations known only by id (an expert's employer and declared conflicts): one list request. */
export function useOrganizationNames(ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)].sort((a, b) => a - b).slice(0, 200);
  const { data } = useList(organizations, { filter: `id:${unique.join('|')}`, per_page: 200 }, { enabled: unique.length > 0 });
  return new Map((data?.results ?? []).map((o) => [o.id, o.name]));
}
