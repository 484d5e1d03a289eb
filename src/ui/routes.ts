/**
 * The page's places as hash routes, so a reload (or a bookmark) keeps the place:
 * `#/` the test (set-up, trial, result), `#/history`, `#/compare`, `#/progress`, and
 * `#/trial/<id>` one stored trial's result page, `#/export` and `#/import` the history's files,
 * `#/report` the clinician's one-page report, `#/training` training mode, `#/training-progress`
 * the progress of training.
 */

export type RouteName =
  | 'test'
  | 'training'
  | 'history'
  | 'compare'
  | 'progress'
  | 'export'
  | 'import'
  | 'report'
  | 'training-progress';

export type Route = { name: RouteName } | { name: 'trial'; trialId: string };

const PLAIN: Record<string, RouteName> = {
  '': 'test',
  training: 'training',
  history: 'history',
  compare: 'compare',
  progress: 'progress',
  export: 'export',
  import: 'import',
  report: 'report',
  'training-progress': 'training-progress',
};

/**
 * The route of a location hash ("#/history", "#/trial/abc"); anything unknown is the test
 * page, so an old or mistyped address still opens something useful.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const trial = /^trial\/(.+)$/.exec(path);
  if (trial?.[1]) {
    try {
      return { name: 'trial', trialId: decodeURIComponent(trial[1]) };
    } catch {
      return { name: 'test' };
    }
  }
  return { name: PLAIN[path] ?? 'test' };
}

/** The hash of a route: parseRoute(routeHash(route)) is the route again. */
export function routeHash(route: Route): string {
  if (route.name === 'trial') return `#/trial/${encodeURIComponent(route.trialId)}`;
  return route.name === 'test' ? '#/' : `#/${route.name}`;
}
