/**
 * A table's rows of numbers read by WebAssembly (wasm/number-rows.as.ts), for `readCsvTablesAscii`:
 * the rows of one trial whose cells are all numbers within their limits, with time going
 * forward. Every other line (the header, a blank line, a row with an empty cell, `NaN`, a bad
 * cell, one the module leaves to the engine's `Number()`) is read by the JavaScript reader
 * (table-builder.ts), one line, after which the module reads on. The rows, values, line
 * numbers, skipped rows and errors are those `visitAsciiRows` gives.
 *
 * Why: the command line spent most of its time on a folder of recordings reading numbers, and
 * on a few dozen files most of that in V8's warm-up (interpreting, then optimising, the
 * per-cell code, in every process and thread). The module is compiled before it runs, in
 * well under a millisecond, and reads a 45 s recording at 60 Hz in about 0.4 ms.
 *
 * Memory (one instance per thread, reused from file to file): the layout's six offsets, the
 * powers of ten, the cell and column tables, the state, then the output columns and the input
 * bytes of up to CHUNK_ROWS rows at a time, so that a long recording needs no more.
 */
import { lineStartOf, visitAsciiLines } from './ascii-rows';
import type { NumberRowsPlan, TableBuilder } from './table-builder';
import { EXACT_POWERS_OF_TEN } from './long-mantissa';
import { NUMBER_ROWS_WASM_BASE64 } from './wasm/number-rows-binary';

/** Rows read per call of the module: its output and input for them stay about 1.5 MB. */
export const CHUNK_ROWS = 8192;

interface NumberRowsModule {
  memory: WebAssembly.Memory;
  setLayout(at: number): void;
  readRows(
    from: number,
    to: number,
    maxRows: number,
    stride: number,
    cells: number,
    delimiter: number,
    timeColumn: number,
  ): number;
}

/** The instance: undefined before the first use, null where WebAssembly is not available. */
let instance: NumberRowsModule | null | undefined;

function numberRowsModule(): NumberRowsModule | null {
  if (instance === undefined) {
    try {
      const bytes = Uint8Array.from(atob(NUMBER_ROWS_WASM_BASE64), (char) => char.charCodeAt(0));
      instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {})
        .exports as unknown as NumberRowsModule;
    } catch {
      instance = null; // no WebAssembly (a locked-down engine): the JavaScript reader does it all
    }
  }
  return instance;
}

const WASM_PAGE_BYTES = 65536;
const CHAR_LF = 10;
const LAYOUT_FIELDS = 6;
/** Where the powers of ten start: after the layout's six offsets, 8-byte aligned. */
const POWERS_AT = 32;

/**
 * Reads `builder`'s rows from `bytes` (plain ASCII rows, `lineFeeds` from plainLineFeeds) as
 * `visitAsciiRows` would, and returns how many of them the module read (the rest were the
 * JavaScript reader's); -1 when the module cannot (no WebAssembly, or a table
 * `numberRowsPlan` turns away), having read nothing.
 */
export function readNumberRows(bytes: Uint8Array, lineFeeds: Int32Array, builder: TableBuilder): number {
  const plan = builder.numberRowsPlan();
  const module = plan === null ? null : numberRowsModule();
  if (plan === null || module === null) return -1;
  const lineCount = lineFeeds.length + 1;
  const visitLine = (index: number) =>
    visitAsciiLines(bytes, lineFeeds, index, index + 1, builder, plan.delimiterCode);
  let index = 0;
  while (index < lineCount && !builder.headerDone) visitLine(index++);
  const memory = new NumberRowsMemory(module, plan, bytes, lineFeeds);
  let taken = 0;
  while (index < lineCount) {
    const chunkEnd = Math.min(lineCount, index + CHUNK_ROWS);
    const rows = memory.read(index, chunkEnd, builder);
    taken += rows;
    index += rows;
    if (index < chunkEnd) visitLine(index++); // the line the module left: the reader's
  }
  return taken;
}

/** The module's memory laid out for one table, and its calls. */
class NumberRowsMemory {
  private readonly outputAt: number;
  private readonly inputAt: number;
  private readonly stateAt: number;

  constructor(
    private readonly module: NumberRowsModule,
    private readonly plan: NumberRowsPlan,
    private readonly bytes: Uint8Array,
    private readonly lineFeeds: Int32Array,
  ) {
    const columns = plan.maxAbsOfColumn.length;
    const cellColumnAt = POWERS_AT + 8 * EXACT_POWERS_OF_TEN.length;
    const scaleAt = cellColumnAt + 4 * plan.cells;
    const maxAbsAt = align8(scaleAt + 4 * columns);
    this.stateAt = maxAbsAt + 8 * columns;
    this.outputAt = this.stateAt + 8 * 3;
    this.inputAt = this.outputAt + 8 * columns * CHUNK_ROWS;
    this.ensure(this.inputAt);
    const buffer = module.memory.buffer;
    new Int32Array(buffer, 0, LAYOUT_FIELDS).set([
      POWERS_AT,
      cellColumnAt,
      scaleAt,
      maxAbsAt,
      this.outputAt,
      this.stateAt,
    ]);
    new Float64Array(buffer, POWERS_AT, EXACT_POWERS_OF_TEN.length).set(EXACT_POWERS_OF_TEN);
    new Int32Array(buffer, cellColumnAt, plan.cells).set(plan.columnOfCell.subarray(0, plan.cells));
    new Int32Array(buffer, scaleAt, columns).set(plan.scaleOfColumn);
    new Float64Array(buffer, maxAbsAt, columns).set(plan.maxAbsOfColumn);
    module.setLayout(0);
  }

  /** Reads lines [from, to) (at most CHUNK_ROWS) into `builder`; returns how many it took, in a row from `from`. */
  read(from: number, to: number, builder: TableBuilder): number {
    const start = lineStartOf(this.lineFeeds, from);
    const end = to < this.lineFeeds.length + 1 ? lineStartOf(this.lineFeeds, to) : this.bytes.length;
    this.ensure(this.inputAt + (end - start) + 1);
    const buffer = this.module.memory.buffer;
    const input = new Uint8Array(buffer, this.inputAt, end - start + 1);
    input.set(this.bytes.subarray(start, end));
    input[end - start] = CHAR_LF; // the module reads a line feed at the end, not past it
    const state = new Float64Array(buffer, this.stateAt, 3);
    const times = builder.numberRowsTimes();
    state.set([times.lastTime, times.firstTime, this.plan.maxTimeSpan]);
    const { plan } = this;
    const rows = this.module.readRows(
      this.inputAt,
      this.inputAt + (end - start),
      to - from,
      CHUNK_ROWS,
      plan.cells,
      plan.delimiterCode,
      plan.timeColumn,
    );
    const values = new Float64Array(buffer, this.outputAt, plan.maxAbsOfColumn.length * CHUNK_ROWS);
    builder.appendNumberRows(values, CHUNK_ROWS, rows, 1 + from, state[0] as number, state[1] as number);
    return rows;
  }

  /** Grows the module's memory to hold `bytes` bytes. */
  private ensure(bytes: number): void {
    const { memory } = this.module;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
  }
}

function align8(offset: number): number {
  return (offset + 7) & ~7;
}
