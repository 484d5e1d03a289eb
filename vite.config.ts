import { defineConfig } from 'vite';

// The app is a static page: `vite build` writes dist/, which any HTTPS host can serve.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: 'localhost' },
});
