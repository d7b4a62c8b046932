import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { PAGE_SIZES } from './listState';

/** The pager every server-paged list shows: current page, size choices and "1–25 of 400". */
export function listPagination(t: TFunction, state: { page: number; perPage: number }, total: number): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.perPage,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (count, [from, to]) => t('list.total', { from, to, total: count }),
  };
}
