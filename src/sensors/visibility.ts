/**
 * Page visibility as an Observable. A hidden page receives no motion events (W3C Device
 * Orientation and Motion), so a trial that sees 'hidden' is interrupted.
 */
import { defer, distinctUntilChanged, fromEvent, map, merge, type Observable, startWith } from 'rxjs';

export type Visibility = 'visible' | 'hidden';

/** The part of `document` used here. */
export interface VisibilityDocument {
  visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
  defaultView?: {
    addEventListener(type: 'pagehide', listener: () => void): void;
    removeEventListener(type: 'pagehide', listener: () => void): void;
  } | null;
}

/**
 * The current visibility at subscription, then every change. `pagehide` counts as hidden as
 * well: Safari does not always fire `visibilitychange` when the page is navigated away from
 * (https://developer.chrome.com/docs/web-platform/page-lifecycle-api, "Safari"; and
 * https://github.com/WICG/page-lifecycle/issues/7 on the order of the two events).
 */
export function visibility$(
  doc: VisibilityDocument = document as unknown as VisibilityDocument,
): Observable<Visibility> {
  const read = (): Visibility => (doc.visibilityState === 'hidden' ? 'hidden' : 'visible');
  const changes$ = fromEvent(doc as unknown as EventTarget, 'visibilitychange').pipe(map(read));
  const pageHide$ = doc.defaultView
    ? fromEvent(doc.defaultView as unknown as EventTarget, 'pagehide').pipe(map((): Visibility => 'hidden'))
    : [];
  return defer(() => merge(changes$, pageHide$).pipe(startWith(read()), distinctUntilChanged()));
}
