/**
 * Sign normalisation of the accelerations (SPEC section 2), decided from the data.
 *
 * The W3C frame: accelerationIncludingGravity is the device's acceleration "plus an
 * acceleration equal and opposite to the acceleration due to gravity", so a phone lying flat
 * reads z = +9.8 and an upright phone y = +9.8 (W3C Device Orientation and Motion, example
 * "a device lying flat ... z: 9.8"; discussed in https://github.com/w3c/deviceorientation/issues/96).
 *
 * iOS WebKit reports the opposite sign on all axes: WebCoreMotionManager.mm passes CoreMotion's
 * `userAcceleration + gravity` (times 9.80665) as accelerationIncludingGravity and
 * `userAcceleration` as acceleration, unchanged
 * (https://github.com/WebKit/WebKit/blob/main/Source/WebCore/platform/ios/WebCoreMotionManager.mm,
 * `sendMotionData`), and CoreMotion's vectors point the other way: its gravity points down, so
 * a phone lying face up reads z = -1 g (https://github.com/tszheichoi/awesome-sensor-logger/issues/20,
 * https://github.com/GenericJam/mob/pull/70). `acceleration` (lx..lz) comes from the same
 * `userAcceleration`, so it is flipped too (https://github.com/dorukeker/gyronorm.js/issues/54
 * reports iOS and Android `acceleration` of opposite sign); `rotationRate` is not (CoreMotion
 * and W3C both turn by the right-hand rule; WebKit only converts rad/s to deg/s).
 *
 * Whether a given browser flips is decided from the data, never from the user agent: the
 * person stands with the phone upright (flat on the sternum, or at the lower back), so the mean
 * y reading must be positive. The rule is the analysis' own (`uprightSign`, src/core/sign.ts:
 * the mean reading must lie clearly along y, else the phone was not upright and the data
 * cannot tell the sign). A clearly negative mean y means the platform flips: every
 * acceleration value of the trial (ax, ay, az, lx, ly, lz) is multiplied by -1.
 */
import { uprightSign } from '../core/sign';
import type { SignDecision } from '../session/types';

/** Collects raw readings of the upright phone and decides the sign from their mean. */
export interface SignVote {
  /** Adds one raw reading; a reading with a non-finite axis is left out. */
  add(ax: number, ay: number, az: number): void;
  /** How many readings were added. */
  readonly count: number;
  /** The mean raw reading (x, y, z), m/s^2, or null without readings. */
  mean(): [number, number, number] | null;
  /** The decision from the readings so far; with none, or not upright, `flipped` is false. */
  decide(basis: 'countdown' | 'after-go'): SignDecision;
}

/** A fresh vote: no readings. */
export function createSignVote(): SignVote {
  let sumX = 0;
  let sumY = 0;
  let sumZ = 0;
  let count = 0;
  return {
    add(ax: number, ay: number, az: number): void {
      if (Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(az)) {
        sumX += ax;
        sumY += ay;
        sumZ += az;
        count++;
      }
    },
    get count(): number {
      return count;
    },
    mean(): [number, number, number] | null {
      return count === 0 ? null : [sumX / count, sumY / count, sumZ / count];
    },
    decide(basis: 'countdown' | 'after-go'): SignDecision {
      if (count === 0)
        return { flipped: false, upright: false, basis: 'none', meanRawAyMS2: NaN, samples: 0 };
      // The mean reading as a one-row recording: its mean is itself.
      const sign = uprightSign({ ax: [sumX / count], ay: [sumY / count], az: [sumZ / count] });
      return {
        flipped: sign === -1,
        upright: sign !== 'not-upright',
        basis,
        meanRawAyMS2: sumY / count,
        samples: count,
      };
    },
  };
}

/** -1 when the decision flips the accelerations, else +1. */
export function accelerationSign(decision: SignDecision): 1 | -1 {
  return decision.flipped ? -1 : 1;
}
