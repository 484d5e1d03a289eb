/** The history's way to its files: export the trials, import files from elsewhere. */
import { h } from './dom';
import { routeHash } from './routes';

export function filesLinks(): HTMLElement {
  return h(
    'nav',
    { className: 'files-links', attrs: { 'aria-label': 'Files' } },
    h('a', { className: 'button-link secondary', attrs: { href: routeHash({ name: 'export' }) } }, 'Export'),
    h(
      'a',
      { className: 'button-link secondary', attrs: { href: routeHash({ name: 'import' }) } },
      'Import files',
    ),
  );
}
