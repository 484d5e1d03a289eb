/**
 * The page's navigation: Test, Train, History, Compare, Progress, Report, as large tabs at the top (every
 * target at least 48 px). Links to hash routes (routes.ts), so a reload keeps the place. The
 * trial page hides it: the phone is against the body then, and a stray tap must not leave.
 */
import './shell.css';
import { h } from './dom';
import { parseRoute, routeHash, type RouteName } from './routes';

export interface AppNav {
  element: HTMLElement;
  /** Marks the tab of the page shown (null: none). */
  setActive(name: RouteName | null): void;
  setHidden(hidden: boolean): void;
}

const TABS: readonly { name: RouteName; label: string }[] = [
  { name: 'test', label: 'Test' },
  { name: 'training', label: 'Train' },
  { name: 'history', label: 'History' },
  { name: 'compare', label: 'Compare' },
  { name: 'progress', label: 'Progress' },
  { name: 'report', label: 'Report' },
];

/**
 * `onSamePlace` runs when a tab of the address already shown is tapped (the browser fires no
 * hashchange then), e.g. "Test" on a result page, which should go back to the set-up.
 */
export function appNav(onSamePlace: (name: RouteName) => void): AppNav {
  const links = TABS.map((tab) =>
    h(
      'a',
      {
        attrs: { href: routeHash({ name: tab.name }) },
        data: { tab: tab.name },
        on: {
          click: () => {
            if (parseRoute(window.location.hash).name === tab.name) onSamePlace(tab.name);
          },
        },
      },
      tab.label,
    ),
  );
  const element = h('nav', { className: 'app-nav', attrs: { 'aria-label': 'Pages' } }, ...links);
  return {
    element,
    setActive(name) {
      for (const link of links) {
        if (link.dataset['tab'] === name) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
    setHidden(hidden) {
      element.hidden = hidden;
    },
  };
}
