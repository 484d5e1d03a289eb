import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { firstMotionWithin$ } from '../../../src/session/probe';
import type { MotionSample } from '../../../src/session/types';
import { uprightSample } from './trial-harness';

const reading = uprightSample(0);
const empty: MotionSample = { ...reading, ax: NaN, ay: NaN, az: NaN };

describe('firstMotionWithin$', () => {
  it('says ok at the first reading and stops listening', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const motion = hot('300ms r 100ms r', { r: reading });
      expectObservable(firstMotionWithin$(motion, 1)).toBe('300ms (o|)', { o: 'ok' });
      expectSubscriptions(motion.subscriptions).toBe('^ 299ms !');
    });
  });

  it('says no-data after the timeout when only empty events (every vector null) or nothing arrive', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, expectObservable }) => {
      const motion = hot('16ms e 16ms e', { e: empty });
      expectObservable(firstMotionWithin$(motion, 1)).toBe('1000ms (n|)', { n: 'no-data' });
      expectObservable(firstMotionWithin$(hot('-'), 1)).toBe('1000ms (n|)', { n: 'no-data' });
    });
  });
});
