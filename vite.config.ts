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
