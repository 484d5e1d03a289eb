/**
 * Draws the app icons of the web app manifest (public/icons/*.png) from the favicon's drawing,
 * with Debian's Chromium (no image library needed). Run once after changing the drawing:
 *
 *   node scripts/make-icons.mjs
 *
 * - icon-192.png, icon-512.png: the favicon as it is (rounded square), purpose "any".
 * - maskable-512.png: the same figure on a full square, inside the central 80 % circle that
 *   every launcher mask keeps (https://web.dev/articles/maskable-icon), purpose "maskable".
 * - apple-touch-icon.png (180 px): full square too; iOS fills transparent corners with black.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = resolve(import.meta.dirname, '../public/icons');
const BLUE = '#0a5bd3';
/** The standing figure of public/favicon.svg, on a 64 x 64 grid. */
const FIGURE =
  '<g fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"><circle cx="32" cy="13" r="6"/><path d="M32 20v22M32 42l4 17M32 42l-9 8 5 5"/><path d="M22 24l10 8 10-8"/></g>';
const ROUNDED = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${BLUE}"/>${FIGURE}</svg>`;
/** The figure reaches 27 units from the centre; at 0.7 that is 19, inside the 25.6 safe radius. */
const FULL = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BLUE}"/><g transform="translate(32 33) scale(0.7) translate(-32 -33)">${FIGURE}</g></svg>`;

const ICONS = [
  { file: 'icon-192.png', svg: ROUNDED, size: 192 },
  { file: 'icon-512.png', svg: ROUNDED, size: 512 },
  { file: 'maskable-512.png', svg: FULL, size: 512 },
  { file: 'apple-touch-icon.png', svg: FULL, size: 180 },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env['STORK_CHROMIUM'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body>`,
    );
    await page.screenshot({ path: resolve(OUT, icon.file), omitBackground: true });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size} px)`);
  }
} finally {
  await browser.close();
}
