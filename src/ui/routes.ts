/**
 * The page's places as hash routes, so a reload (or a bookmark) keeps the place:
 * `#/` the test (set-up, trial, result), `#/history`, `#/compare`, `#/progress`, and
 * `#/trial/<id>` one stored trial's result page, `#/export` and `#/import` the history's files,
 * `#/report` the clinician's one-page report, `#/training` training mode, `#/training-progress`
 * the progress of training. `#/?leg=left&eyes=open&surface=firm&placement=chest&cap=45` is the
 * test with that set-up chosen: how a page that advises a test opens exactly that test.
 */
import { DURATION_CAPS_S, type TrialSetup } from '../session/types';

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

export type Route =
  { name: RouteName } | { name: 'trial'; trialId: string } | { name: 'test'; setup: TrialSetup };

/** The query of a set-up in a test address, in the order written. */
const SETUP_PARAMS = ['leg', 'eyes', 'surface', 'placement', 'cap'] as const;

/**
 * The set-up a test address names, or null unless every field is there and allowed: a page
 * advises exactly one test, so a half-read set-up is not that test.
 */
function setupOf(query: string): TrialSetup | null {
  const params = new URLSearchParams(query);
  const one = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = params.get(name);
    return allowed.includes(value as T) ? (value as T) : null;
  };
  const stanceSide = one('leg', ['left', 'right']);
  const eyes = one('eyes', ['open', 'closed']);
  const surface = one('surface', ['firm', 'foam']);
  const placement = one('placement', ['chest', 'lumbar']);
  const capS = DURATION_CAPS_S.find((cap) => String(cap) === params.get('cap'));
  if (!stanceSide || !eyes || !surface || !placement || capS === undefined) return null;
  return { stanceSide, eyes, surface, placement, capS };
}

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
  const [whole = '', query] = hash.replace(/^#\/?/, '').split('?', 2);
  const path = whole.replace(/\/+$/, '');
  const trial = /^trial\/(.+)$/.exec(path);
  if (trial?.[1]) {
    try {
      return { name: 'trial', trialId: decodeURIComponent(trial[1]) };
    } catch {
      return { name: 'test' };
    }
  }
  const name = PLAIN[path] ?? 'test';
  const setup = name === 'test' && query !== undefined ? setupOf(query) : null;
  return setup === null ? { name } : { name, setup };
}

/** The hash of a route: parseRoute(routeHash(route)) is the route again. */
export function routeHash(route: Route): string {
  if (route.name === 'trial') return `#/trial/${encodeURIComponent(route.trialId)}`;
  if ('setup' in route) {
    const { stanceSide, eyes, surface, placement, capS } = route.setup;
    const values = [stanceSide, eyes, surface, placement, String(capS)];
    return `#/?${SETUP_PARAMS.map((name, k) => `${name}=${values[k]}`).join('&')}`;
  }
  return route.name === 'test' ? '#/' : `#/${route.name}`;
}
