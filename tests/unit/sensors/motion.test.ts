import { describe, expect, it } from 'vitest';
import {
  deviceMotion$,
  hasAcceleration,
  motionSampleFromEvent,
  motionSupport,
  requestMotionPermission,
  type MotionEventLike,
  type MotionWindow,
} from '../../../src/sensors/motion';
import type { MotionSample } from '../../../src/session/types';
import { FakeMotionWindow } from './fake-motion-window';

const fakeWindow = (overrides: Partial<Pick<MotionWindow, 'isSecureContext' | 'DeviceMotionEvent'>> = {}) =>
  new FakeMotionWindow(overrides);

const fullEvent: MotionEventLike = {
  timeStamp: 1234.5,
  accelerationIncludingGravity: { x: 0.1, y: 9.7, z: -0.4 },
  acceleration: { x: 0.01, y: -0.02, z: 0.03 },
  rotationRate: { alpha: 1.5, beta: -2.5, gamma: 3.5 },
};

describe('motionSupport', () => {
  it('says insecure-context on plain http, unsupported without DeviceMotionEvent, else ok', () => {
    expect(motionSupport(fakeWindow({ isSecureContext: false }))).toBe('insecure-context');
    expect(motionSupport(fakeWindow({ DeviceMotionEvent: undefined }))).toBe('unsupported');
    expect(motionSupport(fakeWindow())).toBe('ok');
  });
});

describe('requestMotionPermission', () => {
  const withRequest = (requestPermission: () => Promise<string>) =>
    fakeWindow({ DeviceMotionEvent: Object.assign(function DeviceMotionEvent() {}, { requestPermission }) });

  it('is not needed where the platform has no requestPermission (everything but iOS 13+)', async () => {
    await expect(requestMotionPermission(fakeWindow())).resolves.toBe('not-needed');
  });

  it('passes on granted and turns a refusal, a rejection (no user gesture) or a throw into denied', async () => {
    await expect(requestMotionPermission(withRequest(() => Promise.resolve('granted')))).resolves.toBe(
      'granted',
    );
    await expect(requestMotionPermission(withRequest(() => Promise.resolve('denied')))).resolves.toBe(
      'denied',
    );
    await expect(requestMotionPermission(withRequest(() => Promise.resolve('default')))).resolves.toBe(
      'denied',
    );
    const notAllowed = new Error(
      'Requesting device orientation or motion access requires a user gesture to prompt',
    );
    await expect(requestMotionPermission(withRequest(() => Promise.reject(notAllowed)))).resolves.toBe(
      'denied',
    );
    await expect(
      requestMotionPermission(
        withRequest(() => {
          throw notAllowed;
        }),
      ),
    ).resolves.toBe('denied');
  });

  it('calls requestPermission synchronously, inside the tap that called it', () => {
    let called = false;
    void requestMotionPermission(
      withRequest(() => {
        called = true;
        return Promise.resolve('granted');
      }),
    );
    expect(called).toBe(true);
  });
});

describe('motionSampleFromEvent', () => {
  it('takes time from timeStamp (ms -> s) and maps rotationRate alpha, beta, gamma to the x, y, z rates', () => {
    expect(motionSampleFromEvent(fullEvent)).toEqual({
      tS: 1.2345,
      ax: 0.1,
      ay: 9.7,
      az: -0.4,
      gx: 1.5,
      gy: -2.5,
      gz: 3.5,
      lx: 0.01,
      ly: -0.02,
      lz: 0.03,
    });
  });

  it('turns a null vector, a null component and a non-finite value into NaN, per axis', () => {
    const sample = motionSampleFromEvent({
      timeStamp: 10,
      accelerationIncludingGravity: { x: null, y: 9.8, z: Infinity },
      acceleration: null,
      rotationRate: { alpha: 0.5, beta: null, gamma: NaN },
    });
    expect(sample.ax).toBeNaN();
    expect(sample.ay).toBe(9.8);
    expect(sample.az).toBeNaN();
    expect([sample.lx, sample.ly, sample.lz].every(Number.isNaN)).toBe(true);
    expect(sample.gx).toBe(0.5);
    expect(sample.gy).toBeNaN();
    expect(sample.gz).toBeNaN();
  });

  it('tells an empty event (every vector null, as a desktop without sensors fires) from a reading', () => {
    const empty = motionSampleFromEvent({
      timeStamp: 5,
      accelerationIncludingGravity: null,
      acceleration: null,
      rotationRate: null,
    });
    expect(hasAcceleration(empty)).toBe(false);
    expect(hasAcceleration({ ...empty, az: 9.8 })).toBe(true);
  });
});

describe('deviceMotion$', () => {
  it('emits one sample per event, in order, listening only while subscribed', () => {
    const win = fakeWindow();
    const seen: MotionSample[] = [];
    win.fire(fullEvent); // before subscribing: not seen
    const subscription = deviceMotion$(win).subscribe((sample) => seen.push(sample));
    win.fire(fullEvent);
    win.fire({ ...fullEvent, timeStamp: 1251.2 });
    win.fire({ ...fullEvent, timeStamp: 1251.2 }); // a repeated time stamp is still an event
    subscription.unsubscribe();
    win.fire(fullEvent);
    expect(seen.map((sample) => sample.tS)).toEqual([1.2345, 1.2512, 1.2512]);
  });
});
