/**
 * DeviceMotion as an RxJS Observable of typed samples (SPEC section 2), with the feature
 * detection and the iOS permission request around it.
 *
 * Platform facts this relies on (W3C Device Orientation and Motion, https://w3c.github.io/deviceorientation/,
 * source index.bs, section "devicemotion Event"):
 * - The interfaces exist only in secure contexts (https or localhost), and events are fired
 *   only while the document is visible.
 * - iOS 13+ WebKit delivers no `devicemotion` events until `DeviceMotionEvent.requestPermission()`
 *   resolves 'granted', and that call must run inside a user gesture (a tap handler), or it
 *   rejects with NotAllowedError (https://github.com/aframevr/aframe/issues/4277).
 * - Any of the three vectors, or single components, may be null; "if an implementation can
 *   never provide motion information, the event should be fired with" all three vectors null
 *   (the spec's words; desktops do this). Nulls become NaN here, and {@link hasAcceleration}
 *   tells a reading from such an empty event.
 * - `interval` is milliseconds in Chromium and seconds in iOS WebKit (SPEC section 2), so it
 *   is never used: time comes from the event's own `timeStamp`.
 * - rotationRate: alpha, beta, gamma are the rates about the device x, y, z axes, in deg/s
 *   (the spec's getters: alpha returns the "x axis rotation rate"). The spec once said alpha
 *   was about z, like deviceorientation's alpha; Chrome, Firefox and Safari all implemented
 *   x, y, z, and the spec was changed to match them:
 *   https://github.com/w3c/deviceorientation/issues/44 and pull request #43. (Some pages,
 *   older MDN among them, still describe alpha as about z.) WebKit passes
 *   CoreMotion's rotationRate.x/y/z converted from rad/s (WebCoreMotionManager.mm,
 *   `rad2deg(rotationRate.x)` ...); Chrome reported rad/s before Chrome 66 and deg/s since
 *   (https://github.com/yanwsh/videojs-panorama/pull/163). Gyro rates are not sign-flipped on
 *   iOS (CoreMotion and W3C both use the right-hand rule); only the accelerations are, see ./sign.ts.
 */
import { fromEvent, map, type Observable } from 'rxjs';
import type { MotionSample } from '../session/types';

/** Whether this page can read motion at all. */
export type MotionSupport = 'ok' | 'insecure-context' | 'unsupported';

/** The part of `window` this module uses; a real Window fits, and so does a small fake in tests. */
export interface MotionWindow {
  isSecureContext?: boolean;
  DeviceMotionEvent?: unknown;
  addEventListener(type: 'devicemotion', listener: (event: MotionEventLike) => void): void;
  removeEventListener(type: 'devicemotion', listener: (event: MotionEventLike) => void): void;
}

interface AxesLike {
  x: number | null;
  y: number | null;
  z: number | null;
}
interface RatesLike {
  alpha: number | null;
  beta: number | null;
  gamma: number | null;
}

/** The fields of a DeviceMotionEvent that are read: a real event fits. */
export interface MotionEventLike {
  /** ms on the page's performance clock (DOMHighResTimeStamp) */
  timeStamp: number;
  accelerationIncludingGravity: AxesLike | null;
  acceleration: AxesLike | null;
  rotationRate: RatesLike | null;
}

const browserWindow = (): MotionWindow => window as unknown as MotionWindow;

/**
 * Feature detection: 'insecure-context' on plain http (other than localhost), where browsers
 * hide the API; 'unsupported' where there is no DeviceMotionEvent at all; else 'ok' (which
 * does not promise a sensor: desktops have the API and no accelerometer, see ../session/probe.ts).
 */
export function motionSupport(win: MotionWindow = browserWindow()): MotionSupport {
  if (win.isSecureContext === false) return 'insecure-context';
  if (typeof win.DeviceMotionEvent !== 'function') return 'unsupported';
  return 'ok';
}

interface PermissionCtor {
  requestPermission?: () => Promise<'granted' | 'denied' | 'default'>;
}

/**
 * Asks for motion access where the platform wants it (iOS 13+), else resolves 'not-needed'.
 *
 * Call it synchronously from the Start tap's handler, before any `await`: iOS accepts the
 * request only inside the user gesture. A rejected request (no gesture, or the user said no)
 * resolves 'denied'; iOS remembers a denial until the page is reloaded or the site data cleared.
 */
export function requestMotionPermission(
  win: MotionWindow = browserWindow(),
): Promise<'granted' | 'denied' | 'not-needed'> {
  const ctor = win.DeviceMotionEvent as PermissionCtor | undefined;
  if (typeof ctor?.requestPermission !== 'function') return Promise.resolve('not-needed');
  let request: Promise<'granted' | 'denied' | 'default'>;
  try {
    request = ctor.requestPermission();
  } catch {
    return Promise.resolve('denied');
  }
  return request.then(
    (answer) => (answer === 'granted' ? 'granted' : 'denied'),
    () => 'denied',
  );
}

/** A reading as a number: null, undefined, NaN and the infinities all become NaN. */
function reading(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/**
 * One event as a MotionSample, as delivered (no sign normalisation: that is decided from the
 * data over a trial, ./sign.ts). tS = event.timeStamp / 1000; every missing vector or
 * component is NaN.
 */
export function motionSampleFromEvent(event: MotionEventLike): MotionSample {
  const a = event.accelerationIncludingGravity;
  const l = event.acceleration;
  const r = event.rotationRate;
  return {
    tS: reading(event.timeStamp) / 1000,
    ax: reading(a?.x),
    ay: reading(a?.y),
    az: reading(a?.z),
    gx: reading(r?.alpha),
    gy: reading(r?.beta),
    gz: reading(r?.gamma),
    lx: reading(l?.x),
    ly: reading(l?.y),
    lz: reading(l?.z),
  };
}

/** True when the sample carries at least one acceleration-including-gravity value. */
export function hasAcceleration(sample: MotionSample): boolean {
  return Number.isFinite(sample.ax) || Number.isFinite(sample.ay) || Number.isFinite(sample.az);
}

/**
 * Every `devicemotion` event of `win` as a MotionSample, one per event, nothing dropped or
 * merged. The listener is added on subscribe and removed on unsubscribe. Permission (iOS) must
 * have been granted first: see {@link requestMotionPermission}.
 */
export function deviceMotion$(win: MotionWindow = browserWindow()): Observable<MotionSample> {
  return fromEvent(win as unknown as EventTarget, 'devicemotion').pipe(
    map((event) => motionSampleFromEvent(event as unknown as MotionEventLike)),
  );
}
