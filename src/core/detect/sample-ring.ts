/**
 * A fixed-size ring of the most recent 3-axis samples with running sums, so the mean of any
 * run of stored samples costs O(1). Samples get absolute indices 0, 1, 2, ... in push order;
 * only the last `capacity` stay readable (older indices are clamped to the oldest kept one).
 *
 * Memory: 7 Float64Arrays of `capacity` numbers. Time: O(1) per push and per query.
 */
export class SampleRing {
  readonly capacity: number;
  private readonly mask: number;
  private readonly tS: Float64Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly zs: Float64Array;
  /** Sums of all samples pushed before index i (so a run's sum is a difference of two). */
  private readonly sumX: Float64Array;
  private readonly sumY: Float64Array;
  private readonly sumZ: Float64Array;
  private totalX = 0;
  private totalY = 0;
  private totalZ = 0;
  /** Number of samples pushed so far = the index the next one gets. */
  count = 0;

  /** @param capacityPow2 log2 of the capacity (10 = 1024 samples: 2 s at 512 Hz). */
  constructor(capacityPow2: number) {
    this.capacity = 2 ** capacityPow2;
    this.mask = this.capacity - 1;
    // One allocation for the seven arrays: an offline detection makes a ring per recording.
    const buffer = new ArrayBuffer(7 * this.capacity * Float64Array.BYTES_PER_ELEMENT);
    const part = (index: number) => new Float64Array(buffer, index * this.capacity * 8, this.capacity);
    this.tS = part(0);
    this.xs = part(1);
    this.ys = part(2);
    this.zs = part(3);
    this.sumX = part(4);
    this.sumY = part(5);
    this.sumZ = part(6);
  }

  push(tS: number, x: number, y: number, z: number): void {
    const k = this.count & this.mask;
    this.tS[k] = tS;
    this.xs[k] = x;
    this.ys[k] = y;
    this.zs[k] = z;
    this.sumX[k] = this.totalX;
    this.sumY[k] = this.totalY;
    this.sumZ[k] = this.totalZ;
    this.totalX += x;
    this.totalY += y;
    this.totalZ += z;
    this.count++;
  }

  /** Absolute index of the oldest sample still stored. */
  get oldest(): number {
    return Math.max(0, this.count - this.capacity);
  }

  t(i: number): number {
    return this.tS[i & this.mask]!;
  }
  x(i: number): number {
    return this.xs[i & this.mask]!;
  }
  y(i: number): number {
    return this.ys[i & this.mask]!;
  }
  z(i: number): number {
    return this.zs[i & this.mask]!;
  }

  /**
   * Sum of the samples with indices in [from, to) into `out` (x, y, z); `from` and `to` must
   * lie in [oldest, count].
   */
  sum(from: number, to: number, out: [number, number, number]): void {
    if (to <= from) {
      out[0] = 0;
      out[1] = 0;
      out[2] = 0;
      return;
    }
    const k = from & this.mask;
    const fromX = this.sumX[k]!;
    const fromY = this.sumY[k]!;
    const fromZ = this.sumZ[k]!;
    if (to === this.count) {
      out[0] = this.totalX - fromX;
      out[1] = this.totalY - fromY;
      out[2] = this.totalZ - fromZ;
    } else {
      const j = to & this.mask;
      out[0] = this.sumX[j]! - fromX;
      out[1] = this.sumY[j]! - fromY;
      out[2] = this.sumZ[j]! - fromZ;
    }
  }
}
