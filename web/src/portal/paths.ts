/** The portal's addresses (under /portal, apart from the workspace's) and the public API's paths it reads. */
export const PORTAL = {
  home: '/portal',
  map: '/portal/map',
  search: '/portal/search',
  notices: '/portal/notices',
  recruitment: '/portal/recruitment',
  indicator: (code: string) => `/portal/indicators/${encodeURIComponent(code)}`,
  platform: (id: number | string) => `/portal/platforms/${id}`,
  institution: (id: number | string) => `/portal/institutions/${id}`,
} as const;

export const PUBLIC_API = {
  datasets: '/public/datasets',
  catalogue: '/public/catalog.jsonld',
  rows: (dataset: string) => `/public/datasets/${encodeURIComponent(dataset)}/rows`,
  row: (dataset: string, id: number) => `/public/datasets/${encodeURIComponent(dataset)}/rows/${id}`,
  indicators: '/public/indicators',
  indicator: (code: string) => `/public/indicators/${encodeURIComponent(code)}`,
  indicatorRows: (code: string) => `/public/indicators/${encodeURIComponent(code)}/rows`,
  notices: '/public/notices',
} as const;
