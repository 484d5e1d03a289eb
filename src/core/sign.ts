import type { MotionRecording } from './types';

/**
 * iOS WebKit reports accelerationIncludingGravity with the opposite sign on all axes (SPEC
 * section 2; W3C Device Orientation and Motion, "accelerationIncludingGravity": an upright
 * device at rest reads +9.8 along y). The sign is decided from the data, never from the user
 * agent: a phone held upright against the chest or worn upright at the lower back must read a
 * positive mean y.
 *
 * Why it matters: the tilt correction (SPEC step 4) rotates the mean acceleration onto +y by the
 * smallest rotation. For a sign-flipped recording that rotation is a different one, and the sway
 * comes out mirrored in the horizontal plane about a line that depends on the phone's tilt:
 * distances, path, areas and spectra are unchanged, but AP and ML can be mixed or swapped.
 */

/** |mean y| must be at least this fraction of |mean a| to call the phone upright (cos 60 deg). */
export const UPRIGHT_MIN_Y_FRACTION = 0.5;

export type UprightSign = 1 | -1 | 'not-upright';

/**
 * +1 when the recording reads like an upright phone in the W3C sign (mean y clearly positive),
 * -1 when it reads like one in the opposite (iOS) sign, 'not-upright' when the phone was not
 * upright (e.g. lying flat) and the sign cannot be told from the data. NaN rows are skipped.
 */
export function uprightSign(recording: Pick<MotionRecording, 'ax' | 'ay' | 'az'>): UprightSign {
  let sx = 0;
  let sy = 0;
  let sz = 0;
  let n = 0;
  for (let k = 0; k < recording.ay.length; k++) {
    const x = recording.ax[k] as number;
    const y = recording.ay[k] as number;
    const z = recording.az[k] as number;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) continue;
    sx += x;
    sy += y;
    sz += z;
    n++;
  }
  if (n === 0) return 'not-upright';
  const norm = Math.hypot(sx, sy, sz);
  if (!(Math.abs(sy) >= UPRIGHT_MIN_Y_FRACTION * norm) || norm === 0) return 'not-upright';
  return sy > 0 ? 1 : -1;
}

/**
 * The recording in the W3C sign: acceleration axes negated when `uprightSign` says -1, else the
 * same recording. Gyro columns are left alone (the sign difference concerns acceleration).
 */
export function withW3cSign(recording: MotionRecording): { recording: MotionRecording; flipped: boolean } {
  if (uprightSign(recording) !== -1) return { recording, flipped: false };
  const negate = (x: ArrayLike<number>): Float64Array => Float64Array.from(x, (v) => -v);
  return {
    recording: { ...recording, ax: negate(recording.ax), ay: negate(recording.ay), az: negate(recording.az) },
    flipped: true,
  };
}
