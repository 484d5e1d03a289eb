/**
 * Decimal texts next to the midpoint of two doubles, the hardest to round: for the number
 * readers' tests (decimal.test.ts, number-rows.test.ts), which compare them with Number().
 */

/** The decimal digits of num / den (>= 1e-7), cut after `significant` significant digits. */
function decimalDigits(num: bigint, den: bigint, significant: number): string {
  let text = `${num / den}.`;
  let rem = num % den;
  let count = num / den === 0n ? 0 : String(num / den).length;
  while (count < significant) {
    rem *= 10n;
    const digit = rem / den;
    rem %= den;
    text += String(digit);
    if (count > 0 || digit !== 0n) count++;
  }
  return text;
}

const view = new DataView(new ArrayBuffer(8));

/**
 * The midpoint between the positive double `x` and the next one up, (2m + 1) * 2^(e - 1), cut
 * after `significant` significant digits (just below it), and the same with its last digit one
 * more (just above it, unless that digit is a 9).
 */
export function textsAroundMidpoint(x: number, significant: number): string[] {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number(bits >> 52n) - 1075;
  const mantissa = (bits & (2n ** 52n - 1n)) | (2n ** 52n);
  const num = (2n * mantissa + 1n) * 2n ** BigInt(Math.max(0, exponent - 1));
  const den = 2n ** BigInt(Math.max(0, 1 - exponent));
  const below = decimalDigits(num, den, significant);
  const last = Number(below.slice(-1));
  return [below, last < 9 ? below.slice(0, -1) + String(last + 1) : below];
}
