import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from '../scripts/precompress.mjs';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://localhost:8080';

/**
 * Vendor groups: each library that every page needs and that changes on its own schedule gets its
 * own cacheable chunk. antd's components, its icons and echarts are left to follow the lazy pages
 * (web/src/routes.tsx) that use them: grouped, any page would load all of them.
 */
const vendorChunks: Array<[name: string, test: RegExp]> = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ['antd-style', /node_modules[\\/](@ant-design[\\/](cssinjs|colors|fast-color)|@emotion|stylis)[\\/]/],
  ['query', /node_modules[\\/]@tanstack[\\/]/],
  ['i18n', /node_modules[\\/](i18next|react-i18next)[\\/]/],
];

/** Brotli and gzip copies of the built files, which the server sends as they are (src/http/webStatic.ts). */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'starcity:precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: async () => void (await precompress(outDir)),
  };
}

/** Every import of zod in the web build gets it configured first (web/src/zodConfig.ts re-exports it). */
function zodConfigured(): Plugin {
  const configured = `${webRoot}src/zodConfig.ts`;
  return {
    name: 'starcity:zod-configured',
    enforce: 'pre',
    resolveId: (source, importer) => (source === 'zod' && importer !== configured ? configured : undefined),
  };
}

/**
 * The web UI. `npm run build:web` writes dist/web, which the server serves at `/`;
 * `npm run dev:web` proxies the API to a server on :8080. Web code imports the shared
 * contracts (types only) and pure domain code from ../src, hence the fs allow-list.
 */
export default defineConfig({
  root: webRoot,
  plugins: [zodConfigured(), react(), precompressed()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // The largest chunk is echarts (~570 kB, only the dashboard and indicator pages load it, as
    // one request); the warning threshold sits just above it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Two pages: the workspace (index.html) and the public portal (portal.html), which loads none of the workspace's code.
      input: { main: `${webRoot}index.html`, portal: `${webRoot}portal.html` },
      // antd's rc-component packages declare no `sideEffects`, so the bundler keeps every module
      // they import even when unused (antd's overlays pull in the whole form library that way).
      // Their modules only define components and helpers.
      treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/]/, sideEffects: false }] },
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
