import { defineConfig } from 'vite';

const API_TARGET = process.env.API_URL ?? 'http://127.0.0.1:4000';

/** The explorer lives in web/; it is built into dist/web, which the server serves on the API's origin. */
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/graphql': API_TARGET, '/health': API_TARGET, '/ready': API_TARGET },
  },
});
