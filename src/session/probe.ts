/**
 * Does a motion sensor deliver? Desktops have the DeviceMotion API and no accelerometer (and
 * may fire one event with every vector null: W3C Device Orientation and Motion, "If an
 * implementation can never provide motion information..."), so support is only known once a
 * reading arrives. The UI offers the demo when none does within a second.
 */
import { asyncScheduler, filter, map, type Observable, of, type SchedulerLike, take, timeout } from 'rxjs';
import { hasAcceleration } from '../sensors/motion';
import type { MotionSample } from './types';

/**
 * 'ok' as soon as a sample with an acceleration value arrives, 'no-data' when none has after
 * `timeoutS` seconds; then completes (and unsubscribes from `motion$`). Empty events (every
 * value null) do not count.
 */
export function firstMotionWithin$(
  motion$: Observable<MotionSample>,
  timeoutS: number,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<'ok' | 'no-data'> {
  return motion$.pipe(
    filter(hasAcceleration),
    take(1),
    map((): 'ok' | 'no-data' => 'ok'),
    timeout({ first: timeoutS * 1000, with: () => of<'no-data'>('no-data'), scheduler }),
  );
}
