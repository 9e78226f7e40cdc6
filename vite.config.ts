import { defineConfig } from 'vite';

// Relative base: dist/ works from any sub-path (e.g. a GitHub Pages project page).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
