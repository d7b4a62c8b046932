import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://localhost:8080';

/** Vendor groups: each library that changes on its own schedule gets its own cacheable chunk. */
const vendorChunks: Array<[name: string, test: RegExp]> = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ['antd-icons', /node_modules[\\/]@ant-design[\\/]icons/],
  ['antd-rc', /node_modules[\\/](@rc-component|rc-[\w-]+)[\\/]/],
  ['antd-style', /node_modules[\\/](@ant-design|@emotion|stylis)[\\/]/],
  ['antd', /node_modules[\\/]antd[\\/]/],
  ['query', /node_modules[\\/]@tanstack[\\/]/],
  ['i18n', /node_modules[\\/](i18next|react-i18next|dayjs)[\\/]/],
];

/**
 * The web UI. `npm run build:web` writes dist/web, which the server serves at `/`;
 * `npm run dev:web` proxies the API to a server on :8080. Web code imports the shared
 * contracts (types only) and pure domain code from ../src, hence the fs allow-list.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // antd's own components are one ~510 kB chunk every page needs; cutting it further would
    // only add requests, so the warning threshold sits just above it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorChunks.map(([name, test], i) => ({ name, test, priority: vendorChunks.length - i })),
        },
      },
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
    fs: { allow: [repoRoot] },
  },
});
