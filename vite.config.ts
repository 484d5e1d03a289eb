import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './scripts/security-headers.ts';

/**
 * Writes the Content-Security-Policy into the built index.html, right after the charset (a meta
 * policy covers only what the page loads after it). Only in the build: the dev server injects
 * CSS as `<style>` elements for hot reload, which the policy refuses.
 */
function contentSecurityPolicyMeta(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'stork-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(charset)) throw new Error(`index.html: no ${charset} to put the CSP after`);
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

/**
 * Fetches the history store's code together with the page's own (a `<link rel="modulepreload">`
 * in the built index.html): every page opens the store at start (src/main.ts imports it beside
 * the page's code), and asked for only once the page's code had run, it came a round trip later,
 * which a history page opened from the address waited for.
 */
function storeModulePreload(): Plugin {
  return {
    name: 'stork-store-modulepreload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const store = Object.values(context.bundle ?? {}).find(
          (file) =>
            file.type === 'chunk' && (file.facadeModuleId?.endsWith('/src/storage/store.ts') ?? false),
        );
        if (store === undefined) throw new Error('no chunk of src/storage/store.ts in the build');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${store.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// The app is a static page: `vite build` writes dist/, which any HTTPS host can serve.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // The polyfill is for browsers without <link rel="modulepreload">; every browser Stork
    // supports has it (Chromium 66, Safari 17, Firefox 115), so leave it out.
    modulePreload: { polyfill: false },
  },
  server: { host: 'localhost' },
  preview: { headers: { ...SECURITY_HEADERS } },
  plugins: [
    contentSecurityPolicyMeta(),
    storeModulePreload(),
    VitePWA({
      // A new version waits until the person reloads (src/pwa/): never in the middle of a trial.
      registerType: 'prompt',
      // Registered from src/pwa/register.ts through `virtual:pwa-register`: no inline script.
      injectRegister: false,
      manifest: {
        id: './',
        name: 'Stork: single-leg balance test',
        short_name: 'Stork',
        description: "Single-leg balance test with your phone's motion sensor. Works offline.",
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0a5bd3',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app, so it opens and runs a trial with no network (source maps left out).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Nothing is fetched at run time beyond these files, so no runtime caching.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
