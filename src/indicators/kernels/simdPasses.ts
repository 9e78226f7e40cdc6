/**
 * The indicator table's two per-cell passes, run in the WebAssembly SIMD kernels of passes.wat
 * over blocks of rows copied into the kernels' memory (the cube's arrays stay where they are,
 * transferable between workers). The first pass keeps the values inside the thresholds' brackets
 * (a few percent of the cells) in buckets that carry over from block to block — of a cell inside
 * an LQ bracket, its E(r,c) and D(r), from which its LQ is exact once E(c) and D are known — so
 * that the selections (thresholds.ts) see the doubles the rules give; here they are handed on, a
 * full bucket at a time. A bucket's last run is handed on as a view of the kernels' memory, which
 * its taker may keep until the kernels next run instead of copying it: the buckets are sized to
 * hold what the sample expects, so nearly every bucket is handed on once, at the end. The cell
 * pass then judges every cell once, against exact thresholds.
 *
 * WebAssembly SIMD is in every browser the app supports (Chrome 91, Firefox 89, Safari 16.4) and
 * in Node since 16.4; the module is under 3 KB, compiled synchronously once per worker.
 */
import { instantiate } from './instantiate';
import { PASSES_WASM } from './passesWasm';

interface Exports {
  memory: WebAssembly.Memory;
  firstPass(
    val: number,
    emp: number,
    est: number,
    nRows: number,
    nCp: number,
    tab: number,
    acc: number,
    rowOut: number,
    buckets: number,
    lengths: number,
    stride: number,
    mOn: number,
    floors: number,
    lqSlots: number,
    hits: number,
  ): void;
  cellPass(emp: number, est: number, nRows: number, nCp: number, tab: number, rows: number, starsOut: number, D: number, strongOn: number, sizeBit: number, specBit: number, focusBit: number, strongBit: number, strong10Bit: number): void;
}

/** Bytes of one input matrix per block: small enough to stay in cache between the passes over a row. */
const BLOCK_BYTES = 1 << 18;
/**
 * Most bytes of a pass's buckets together. Up to it, a bucket holds every value the sample expects
 * it to keep, handed on once, in place; past it (a table of millions of rows), a few times a
 * computation. (Handed on at every block, a bucket held a block's dozen values, and the views and
 * copies cost more than the kernel's keeping; copied out at the end, the values of a 100,000-row
 * table cost fresh arrays and a copy, a tenth of the computation under cmp.)
 */
const BUCKETS_BYTES = 1 << 26;

let kernels: Exports | undefined;

function instance(): Exports {
  return (kernels ??= instantiate<Exports>(PASSES_WASM));
}

/** Regions of the kernels' memory, in bytes, each 16-aligned; the memory grown to hold them. */
class Arena {
  private end = 0;
  readonly k = instance();

  take(bytes: number): number {
    const at = this.end;
    this.end += Math.ceil(bytes / 16) * 16;
    return at;
  }

  /** Views of the memory, after it has grown to hold every region taken. */
  views(): { f64: Float64Array; i64: BigInt64Array; u8: Uint8Array; i32: Int32Array } {
    const memory = this.k.memory;
    const short = this.end - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / 65536));
    const b = memory.buffer;
    return { f64: new Float64Array(b), i64: new BigInt64Array(b), u8: new Uint8Array(b), i32: new Int32Array(b) };
  }
}

/** The padded row (an even number of cells: the kernels take two at a time) and the block's rows. */
function shape(nRegions: number, nCategories: number): { nCp: number; W: number; rowsPerBlock: number } {
  const nCp = nCategories + (nCategories & 1);
  const W = nCp * 8;
  const rowsPerBlock = Math.max(1, Math.min(nRegions, W > 0 ? Math.floor(BLOCK_BYTES / W) : nRegions));
  return { nCp, W, rowsPerBlock };
}

/** Rows [r0, r1) of a row-major matrix into the kernels' memory at `at` (bytes), rows padded to nCp with 0. */
function copyIn(f64: Float64Array, at: number, source: Float64Array, r0: number, r1: number, nC: number, nCp: number): void {
  const base = at / 8;
  if (nCp === nC) {
    f64.set(source.subarray(r0 * nC, r1 * nC), base);
    return;
  }
  for (let r = r0, o = base; r < r1; r++, o += nCp) {
    f64.set(source.subarray(r * nC, r * nC + nC), o);
    f64[o + nC] = 0;
  }
}

/** A block's bytes (stride nCp) out to rows [r0, r1) of a byte matrix. */
function copyOut(u8: Uint8Array, at: number, target: Uint8Array, r0: number, r1: number, nC: number, nCp: number): void {
  if (nCp === nC) {
    target.set(u8.subarray(at, at + (r1 - r0) * nC), r0 * nC);
    return;
  }
  for (let r = r0, o = at; r < r1; r++, o += nCp) target.set(u8.subarray(o, o + nC), r * nC);
}

/**
 * Doubles each bucket holds: what the largest is expected to keep, within the bytes of all, and at
 * least what a block can add (two doubles a row in an LQ slot), so that one block never overflows it.
 */
function bucketCapacity(slots: number, nCp: number, rowsPerBlock: number, expected: number): number {
  return Math.max(2 * rowsPerBlock, Math.min(Math.ceil(expected), Math.floor(BUCKETS_BYTES / (slots * nCp * 8)) - 1));
}

/**
 * Takes a bucket's values, run by run in row order. `last` marks a bucket's final run (with
 * `room` Infinity): `values` may then be kept, unchanged or reordered, until the kernels next run.
 */
export type Kept = (slot: number, c: number, values: Float64Array, last: boolean) => void;

/**
 * Every bucket (slot-major, then category, `stride` doubles apart, `capacity` of them its room)
 * that `room` more rows could overflow, to `kept`, and emptied; with `room` Infinity, every
 * non-empty bucket. A row adds `width[slot]` doubles to a bucket at most. (The kernel writes a
 * double past a value it keeps, which the next value overwrites: a bucket's stride is one more
 * than its room.)
 */
function handOver(f64: Float64Array, i32: Int32Array, buckets: number, lengths: number, width: readonly number[], nC: number, nCp: number, stride: number, room: number, kept: Kept): void {
  const capacity = stride - 1;
  for (let slot = 0; slot < width.length; slot++) {
    for (let c = 0, at = lengths / 4 + slot * nCp; c < nC; c++, at++) {
      const n = i32[at];
      if (n === 0 || n + room * width[slot] <= capacity) continue;
      const from = buckets / 8 + (slot * nCp + c) * stride;
      kept(slot, c, f64.subarray(from, from + n), room === Infinity);
      i32[at] = 0;
    }
  }
}

/** A field of i64 counts per category, as numbers. */
function countsAt(i64: BigInt64Array, at: number, nC: number): Float64Array {
  return Float64Array.from({ length: nC }, (_, c) => Number(i64[at / 8 + c]));
}

/** What the first pass reads: the matrices and, per category, the brackets it counts against. */
export interface FirstPassInput {
  nRegions: number;
  nCategories: number;
  /** Employment as reported (the totals). */
  values: Float64Array;
  /** Employment as the judgement sees it (minSize.ts). */
  competing: Float64Array;
  /** Establishments, when their P25 is counted. */
  establishments?: Float64Array;
  /** 1 where a category is in the LQ denominator. */
  inDenominator: Float64Array;
  /** Whether the employment and establishments P25 brackets are counted at all (cmp). */
  floors: boolean;
  /**
   * Brackets [lo, hi] per category: size, focus, employment P25, establishments P25 (NaN: not
   * counted), and the first `lqSlots` of the LQ's, on E(r,c) / D(r) (its order within a category).
   */
  brackets: { size: Float64Array[]; focus: Float64Array[]; employmentFloor: Float64Array[]; establishmentsFloor: Float64Array[]; lq: Float64Array[][] };
  /** The LQ brackets counted and kept: eco 0, paper 1, cmp 2. */
  lqSlots: 0 | 1 | 2;
  /** The most doubles any one bracket is expected to keep (the buckets' size). */
  expected: number;
}

export interface FirstPassOutput {
  regionTotal: Float64Array;
  regionDenominator: Float64Array;
  categorySum: Float64Array;
  /**
   * Per category: competing cells; below the size, focus and employment P25 brackets;
   * establishments competing and below theirs; cells whose LQ is defined (D(r) > 0), and below
   * each LQ bracket.
   */
  counts: {
    competing: Float64Array;
    belowSize: Float64Array;
    belowFocus: Float64Array;
    belowEmploymentFloor: Float64Array;
    establishments: Float64Array;
    belowEstablishmentsFloor: Float64Array;
    lqCompeting: Float64Array;
    belowLq: Float64Array;
    belowLq2: Float64Array;
  };
}

/** The first pass's slots (passes.wat): what it keeps of the cells inside each bracket. */
export const KEPT_SIZE = 0;
export const KEPT_FOCUS = 1;
export const KEPT_EMPLOYMENT_FLOOR = 2;
export const KEPT_ESTABLISHMENTS_FLOOR = 3;
/** The LQ brackets' cells: E(r,c) and D(r), two doubles a cell, side by side. */
export const KEPT_LQ = 4;
export const KEPT_LQ2 = 5;
/** Doubles a row adds to each slot's bucket at most. */
const FIRST_WIDTH = [1, 1, 1, 1, 2, 2] as const;
const FIRST_SLOTS = FIRST_WIDTH.length;

/**
 * The first pass: E(r), D(r), Σ_r E(r,c) and the counts; `kept(slot, c, values)` is given, run by
 * run, the values of category c inside slot's bracket (employment, focus share E(r,c)/E(r),
 * establishments, or an LQ's E(r,c), D(r) pairs), in row order. `values` is a view of the
 * kernels' memory, valid during the call (a last run: until the kernels next run, see `Kept`).
 */
export function firstPass(input: FirstPassInput, kept: Kept): FirstPassOutput {
  const { nRegions, nCategories: nC, values, competing, establishments } = input;
  const { nCp, W, rowsPerBlock: B } = shape(nRegions, nC);
  const arena = new Arena();
  const TAB = arena.take(13 * W);
  const ACC = arena.take(10 * W);
  const ROW = arena.take(2 * B * 8);
  const VAL = arena.take(B * W);
  const EMP = competing === values ? VAL : arena.take(B * W);
  const EST = establishments === undefined ? EMP : establishments === competing ? EMP : arena.take(B * W);
  const STRIDE = bucketCapacity(FIRST_SLOTS, nCp, B, input.expected) + 1;
  const BUCKETS = arena.take(FIRST_SLOTS * nCp * STRIDE * 8);
  const LENGTHS = arena.take(FIRST_SLOTS * nCp * 4);
  // The kernel's 96 bytes of values, then a row's pairs with a value inside a bracket (passes.wat).
  const HITS = arena.take(96 + (nCp / 2) * 4);
  const { f64, i64, i32 } = arena.views();
  i32.fill(0, LENGTHS / 4, LENGTHS / 4 + FIRST_SLOTS * nCp);
  const { brackets } = input;
  const fields = [input.inDenominator, ...brackets.size, ...brackets.focus, ...brackets.employmentFloor, ...brackets.establishmentsFloor, ...brackets.lq.flat()];
  f64.fill(0, TAB / 8, (ACC + 10 * W) / 8);
  for (let j = 0; j < fields.length; j++) f64.set(fields[j], (TAB + j * W) / 8);
  const regionTotal = new Float64Array(nRegions);
  const regionDenominator = new Float64Array(nRegions);
  for (let r0 = 0; r0 < nRegions; r0 += B) {
    const r1 = Math.min(nRegions, r0 + B);
    copyIn(f64, VAL, values, r0, r1, nC, nCp);
    if (EMP !== VAL) copyIn(f64, EMP, competing, r0, r1, nC, nCp);
    if (establishments && EST !== EMP) copyIn(f64, EST, establishments, r0, r1, nC, nCp);
    handOver(f64, i32, BUCKETS, LENGTHS, FIRST_WIDTH, nC, nCp, STRIDE, r1 - r0, kept);
    arena.k.firstPass(VAL, EMP, EST, r1 - r0, nCp, TAB, ACC, ROW, BUCKETS, LENGTHS, STRIDE, establishments ? 1 : 0, input.floors ? 1 : 0, input.lqSlots, HITS);
    regionTotal.set(f64.subarray(ROW / 8, ROW / 8 + (r1 - r0)), r0);
    regionDenominator.set(f64.subarray(ROW / 8 + (r1 - r0), ROW / 8 + 2 * (r1 - r0)), r0);
  }
  handOver(f64, i32, BUCKETS, LENGTHS, FIRST_WIDTH, nC, nCp, STRIDE, Infinity, kept);
  const counts = (field: number) => countsAt(i64, ACC + field * W, nC);
  return {
    regionTotal,
    regionDenominator,
    categorySum: f64.slice(ACC / 8, ACC / 8 + nC),
    counts: {
      competing: counts(1),
      belowSize: counts(2),
      belowFocus: counts(3),
      belowEmploymentFloor: counts(4),
      establishments: counts(5),
      belowEstablishmentsFloor: counts(6),
      lqCompeting: counts(7),
      belowLq: counts(8),
      belowLq2: counts(9),
    },
  };
}

/** What the cell pass reads: the judgement's matrices, totals and per-category thresholds. */
export interface CellPassInput {
  nRegions: number;
  nCategories: number;
  employment: Float64Array;
  /** Under cmp: the establishments (or the employment standing in). */
  establishments?: Float64Array;
  regionTotal: Float64Array;
  regionDenominator: Float64Array;
  denominatorTotal: number;
  /**
   * Per category: E(c), the size threshold, the specialisation bar, the focus threshold, and under
   * cmp the employment and establishments P25 and the strong and strong10 LQ bars.
   */
  table: Float64Array[];
  /** The bits of a cell's byte: its stars and, under cmp, its strong and strong10 flags. */
  starBits: { size: number; specialisation: number; focus: number; strong: number; strong10: number };
}

/**
 * The cell pass: a byte per cell into `stars`, its star bits and, when `strongOn` (cmp), its strong
 * and strong10 bits, each judged once against exact thresholds.
 */
export function cellPass(input: CellPassInput, out: { stars: Uint8Array; strongOn: boolean }): void {
  const { nRegions, nCategories: nC, employment, establishments } = input;
  const { nCp, W, rowsPerBlock: B } = shape(nRegions, nC);
  const { strongOn } = out;
  const arena = new Arena();
  const TAB = arena.take(8 * W);
  const ROWS = arena.take(2 * B * 8);
  const EMP = arena.take(B * W);
  const EST = !strongOn || establishments === undefined || establishments === employment ? EMP : arena.take(B * W);
  const STARS = arena.take(B * nCp);
  const { f64, u8 } = arena.views();
  f64.fill(0, TAB / 8, (TAB + 8 * W) / 8);
  for (let j = 0; j < input.table.length; j++) f64.set(input.table[j], (TAB + j * W) / 8);
  const { size, specialisation, focus, strong, strong10 } = input.starBits;
  for (let r0 = 0; r0 < nRegions; r0 += B) {
    const r1 = Math.min(nRegions, r0 + B);
    const rows = r1 - r0;
    copyIn(f64, EMP, employment, r0, r1, nC, nCp);
    if (EST !== EMP) copyIn(f64, EST, establishments!, r0, r1, nC, nCp);
    f64.set(input.regionTotal.subarray(r0, r1), ROWS / 8);
    f64.set(input.regionDenominator.subarray(r0, r1), ROWS / 8 + rows);
    arena.k.cellPass(EMP, EST, rows, nCp, TAB, ROWS, STARS, input.denominatorTotal, strongOn ? 1 : 0, size, specialisation, focus, strong, strong10);
    copyOut(u8, STARS, out.stars, r0, r1, nC, nCp);
  }
}
