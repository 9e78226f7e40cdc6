import type { Category, EmploymentCube } from '../model/dataset';
import { checkFiniteTotals } from './cubeTotals';
import { InputError } from './errors';
import type { SuppressionPolicy, SuppressionReport } from './suppression';
import { describeNonIndustry, nonIndustryCodes, type NonIndustryCode } from './nonIndustryCodes';

/** What happened to every row of an input table: nothing is dropped without being counted here. */
export interface TableReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  /** Cells that held a "not reported" marker; they become NaN (not 0). */
  missingCells: number;
  /** Rows not used, each with its line and why. */
  unused: { line: number; reason: string }[];
  /** Rows left out by the user's own choice (filters), counted per reason rather than listed. */
  excluded?: { reason: string; rows: number }[];
  /** Cells holding a suppression flag instead of a number, counted per flag. */
  suppressed?: SuppressionReport;
  /** Categories left out because they are not industries (totals, non-answers, aggregates beside their parts). */
  nonIndustry?: (NonIndustryCode & { cells: number; detail: string })[];
  notes: string[];
}

export interface CubeOptions {
  /** Region id whose rows are the benchmark (e.g. "US"); kept out of the regions. */
  benchmarkId?: string;
  /** Known categories in display order; rows of other categories are reported as unused. */
  categories?: Category[];
  /** Year for tables without a year column. */
  defaultYear?: number;
  /** What a suppression flag (County Business Patterns letters A–M) in a count cell becomes; without it such a cell is an error. */
  suppression?: SuppressionPolicy;
  /**
   * Keep categories that are not industries (TOTAL, NRP, B-E beside C, "Всего по …"); by default
   * they are left out of a table's own categories and reported. A categories table is taken as given.
   */
  keepNonIndustry?: boolean;
}

const BENCHMARK = -1;

/** Regions per chunk of a year's cells: room grows a chunk at a time, nothing copied. */
const CHUNK_BITS = 8;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/**
 * The cells of one year slot for CHUNK regions as they will sit in the cube: region-major,
 * `stride` categories per region (room for categories still to come), so a reader's value goes
 * straight to its place.
 */
interface Chunk {
  /** NaN where `line` is 0 (filled when made: the cube's layout is then a plain copy). */
  employment: Float64Array;
  /** Allocated with the chunk's first establishment count. */
  establishments: Float64Array | undefined;
  /** Line that filled each cell (0: empty; -1: given without a line), to name both lines of a duplicate. */
  line: Int32Array;
}

/** A year slot's chunks, by region >> CHUNK_BITS. */
type YearBlock = (Chunk | undefined)[];

/**
 * A year's cells in the cube's layout (nR × nC, region-major): NaN where no cell was given (no
 * chunk, or NaN in it). `keep`: the chunk column of each cube column, when not the first nC in
 * order. A chunk whose room is the cube's (stride nC) is copied whole; otherwise one plain loop
 * per region (this runs over every cell of the cube).
 */
function layoutYear(block: YearBlock | undefined, counts: boolean, nR: number, nC: number, stride: number, keep: Int32Array | undefined): Float64Array {
  const out = new Float64Array(nR * nC);
  for (let r0 = 0; r0 < nR; r0 += CHUNK) {
    const chunk = block?.[r0 >> CHUNK_BITS];
    const rows = Math.min(CHUNK, nR - r0);
    const to0 = r0 * nC;
    const source = counts ? chunk?.establishments : chunk?.employment;
    if (!chunk || !source) {
      out.fill(NaN, to0, to0 + rows * nC);
    } else if (!keep && stride === nC) {
      out.set(source.subarray(0, rows * nC), to0);
    } else {
      for (let r = 0; r < rows; r++) {
        const from = r * stride;
        const to = to0 + r * nC;
        if (keep) for (let j = 0; j < nC; j++) out[to + j] = source[from + keep[j]];
        else for (let j = 0; j < nC; j++) out[to + j] = source[from + j];
      }
    }
  }
  return out;
}

/**
 * A year slot's cells for the regions a table is expected to have, in the cube's layout (see
 * `CubeBuilder.expectYearRows`); its chunks are parts of it.
 */
interface Slab {
  employment: Float64Array;
  line: Int32Array;
}

/**
 * A slab as a year of the cube (nR × nC cells): the first cells of it, or a copy of them when the
 * slab has far more room than the cube needs (the rest would be carried with the cube).
 */
function fitSlab(employment: Float64Array, cells: number): Float64Array {
  if (cells === employment.length) return employment;
  return cells * 1.25 < employment.length ? employment.slice(0, cells) : employment.subarray(0, cells);
}

/** A cell given a second time: reported by `build()` unless its category is left out. */
interface Duplicate {
  c: number;
  r: number;
  yearSlot: number;
  line: number;
  first: number;
}

function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/**
 * Collects (region, category, year) cells from any table layout into a dense region-major cube,
 * written in place as they come. Regions keep first-appearance order; categories the categories
 * table's order. Room grows by whole regions (cheap: region-major) and, rarely, by categories.
 */
export class CubeBuilder {
  private readonly regionIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryList: Category[] = [];
  private readonly slots = new Map<number, number>();
  private readonly closedCategories: boolean;
  private hasEstablishments = false;
  /** Categories of room per region in every block. */
  private stride: number;
  /** By year slot. */
  private blocks: (YearBlock | undefined)[] = [];
  /** The benchmark region's cells by year slot (`stride` each). */
  private benchmarkBlocks: ({ employment: Float64Array; line: Int32Array } | undefined)[] = [];
  private readonly duplicates: Duplicate[] = [];
  /** Categories of cells without a line given again (replaced), for the count of cells left out. */
  private readonly replaced: number[] = [];
  /** Flags of first-filled regional cells, in the order given. */
  private readonly flagged: { c: number; r: number; yearSlot: number; flag: string }[] = [];
  /** Every cell given with flags (the cube carries its flag maps when any is). */
  private flagCount = 0;
  private lastYear = NaN;
  private lastYearSlot = -1;
  private readonly totals = new Map<string, { value: number; line: number }>();
  /**
   * By year slot, the sum of the regional employment given as it comes (cells given again
   * included): the cube's sums are no larger, so while it is finite the cube need not be summed
   * again to be known finite (`checkFiniteTotals` runs only when one is not).
   */
  private readonly givenTotals: number[] = [];
  readonly report: TableReport;

  constructor(
    file: string,
    private readonly options: CubeOptions = {},
  ) {
    this.report = { file, rowsRead: 0, rowsUsed: 0, missingCells: 0, unused: [], notes: [] };
    this.closedCategories = options.categories !== undefined && options.categories.length > 0;
    for (const c of options.categories ?? []) this.addCategory(c);
    this.stride = Math.max(8, this.categoryList.length);
  }

  private addCategory(category: Category): number {
    let i = this.categoryIndex.get(category.id);
    if (i === undefined) {
      i = this.categoryList.length;
      this.categoryIndex.set(category.id, i);
      this.categoryList.push(category);
    }
    return i;
  }

  private slotOf(year: number): number {
    let slot = this.slots.get(year);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(year, slot);
      this.givenTotals.push(0);
    }
    return slot;
  }

  /**
   * Returns false (and records why) when the cell's category is not in the categories table.
   * A cell given twice is reported by `build()`, naming both lines.
   */
  add(region: string, category: string, year: number, employment: number, establishments: number, line: number, flags?: string): boolean {
    if (employment === Infinity || establishments === Infinity) this.beyondLargest(region, category, line);
    const c = this.categorySlot(category, line);
    if (c < 0) return false;
    if (year !== this.lastYear) {
      this.lastYear = year;
      this.lastYearSlot = this.slotOf(year);
    }
    this.addCell(c, this.regionSlot(region, line), this.lastYearSlot, employment, establishments, line, flags);
    return true;
  }

  /**
   * The index of a category (added when the categories are open), or -1 with the row recorded as
   * unused when the categories table does not have it. With `yearSlot`, `regionSlot` and `addCell`, a reader
   * whose columns fix the category or year (wide, year columns) resolves them once per column;
   * the first call for a column is where `add` would have made it, so the order is the same.
   */
  categorySlot(category: string, line: number): number {
    let c = this.categoryIndex.get(category);
    if (c === undefined) {
      if (this.closedCategories) {
        this.report.unused.push({ line, reason: `category "${category}" is not in the categories table` });
        return -1;
      }
      checkId(category, 'category', this.report.file, line);
      c = this.addCategory({ id: category, name: category });
    }
    return c;
  }

  yearSlot(year: number): number {
    return this.slotOf(year);
  }

  /** A number read as Infinity (1e309, 400 digits) is refused, never summed into a blank LQ. */
  beyondLargest(region: string, category: string, line: number): never {
    throw new InputError({ file: this.report.file, line }, `a value beyond the largest number (±1.8e308) for region "${region}", category "${category}"`);
  }

  /** The slot of a region (added when new, its id checked), for `addCell`. */
  regionSlot(region: string, line: number): number {
    return region === this.options.benchmarkId ? BENCHMARK : this.addRegion(region, line);
  }

  /** `add` with category, region and year slot already resolved (a reader caching them per key). */
  addCell(c: number, r: number, yearSlot: number, employment: number, establishments: number, line: number, flags?: string): void {
    if (employment === Infinity || establishments === Infinity) {
      this.beyondLargest(r === BENCHMARK ? this.options.benchmarkId! : [...this.regionIndex].find(([, i]) => i === r)![0], this.categoryList[c].id, line);
    }
    if (c >= this.stride) this.widen(c);
    if (flags) this.flagCount++;
    const counted = establishments === establishments;
    if (counted) this.hasEstablishments = true;
    // A cell without a line (JSON) marks its place with -1: given again, it is replaced (no line to name).
    const mark = line > 0 ? line : -1;
    if (r === BENCHMARK) {
      const b = this.benchmarkBlocks[yearSlot] ?? this.addBenchmarkBlock(yearSlot);
      const first = b.line[c];
      if (first > 0) this.duplicates.push({ c, r, yearSlot, line, first });
      else {
        if (first < 0) this.replaced.push(c);
        b.line[c] = mark;
        b.employment[c] = employment;
      }
      return;
    }
    if (this.rowLinesOf) this.leaveRowLines();
    const block = this.chunk(yearSlot, r);
    const i = (r & IN_CHUNK) * this.stride + c;
    const first = block.line[i];
    if (first > 0) {
      this.duplicates.push({ c, r, yearSlot, line, first });
      return;
    }
    if (first < 0) this.replaced.push(c);
    block.line[i] = mark;
    block.employment[i] = employment;
    if (employment === employment) this.givenTotals[yearSlot] += employment;
    if (counted) (block.establishments ??= nanArray(block.line.length))[i] = establishments;
    else if (first < 0 && block.establishments) block.establishments[i] = NaN;
    if (flags) this.flagged.push({ c, r, yearSlot, flag: flags });
  }

  /**
   * `addCell` for a reader's plain row (a count, a regional cell, given with its line, no flags):
   * the common case written here, anything else (the benchmark, a new category's room, a cell
   * given before) by `addCell`.
   */
  addCount(c: number, r: number, yearSlot: number, employment: number, establishments: number, line: number): void {
    if (r < 0 || c >= this.stride || line <= 0 || this.rowLinesOf) return this.addCell(c, r, yearSlot, employment, establishments, line);
    const ch = r >> CHUNK_BITS;
    let block = this.lastChunk;
    if (ch !== this.lastChunkOf || yearSlot !== this.lastChunkSlot || block === undefined) {
      block = this.lastChunk = this.chunk(yearSlot, r);
      this.lastChunkOf = ch;
      this.lastChunkSlot = yearSlot;
    }
    const i = (r & IN_CHUNK) * this.stride + c;
    if (block.line[i] !== 0) return this.addCell(c, r, yearSlot, employment, establishments, line);
    block.line[i] = line;
    block.employment[i] = employment;
    this.givenTotals[yearSlot] += employment;
    if (establishments === establishments) {
      this.hasEstablishments = true;
      (block.establishments ??= nanArray(block.line.length))[i] = establishments;
    }
  }

  /** The chunk `addCount` wrote last (rows of one region and year come together). */
  private lastChunk: Chunk | undefined;
  private lastChunkOf = -1;
  private lastChunkSlot = -1;

  /**
   * A wide row's cells in one call: `values[k]` for category slot `categories[k]` (columns whose
   * slot is below 0 skipped), establishments from `counts` when given.
   */
  addRow(r: number, yearSlot: number, categories: Int32Array, values: Float64Array, counts: ArrayLike<number> | undefined, line: number): void {
    if (r === BENCHMARK || counts || line <= 0) {
      for (let k = 0; k < categories.length; k++) if (categories[k] >= 0) this.addCell(categories[k], r, yearSlot, values[k], counts ? counts[k] : NaN, line);
      return;
    }
    if (this.rowLinesOf) this.leaveRowLines();
    // One pass over the row: a value beyond the largest number throws (the read ends there), a
    // category beyond the room widens it (and the chunk is taken again, laid out anew).
    let { line: lines, employment } = this.chunk(yearSlot, r);
    let base = (r & IN_CHUNK) * this.stride;
    let sum = 0;
    for (let k = 0; k < categories.length; k++) {
      const c = categories[k];
      if (c < 0) continue;
      if (values[k] === Infinity) this.addCell(c, r, yearSlot, Infinity, NaN, line);
      if (c >= this.stride) {
        this.widen(c);
        ({ line: lines, employment } = this.chunk(yearSlot, r));
        base = (r & IN_CHUNK) * this.stride;
      }
      const i = base + c;
      const first = lines[i];
      if (first !== 0) {
        this.duplicates.push({ c, r, yearSlot, line, first });
        continue;
      }
      lines[i] = line;
      const v = values[k];
      employment[i] = v;
      if (v === v) sum += v;
    }
    this.givenTotals[yearSlot] += sum;
  }

  /**
   * A year-column row's cells in one call: `values[k]` into year slot `yearSlots[k]`, all of
   * category `c`. `yearSlots` is one array for every row of a table, its slots set before the first call.
   * The values are finite: the reader refuses one beyond the largest number first (`beyondLargest`,
   * naming the region and category), so the row's write is not looked over twice.
   */
  addYears(c: number, r: number, yearSlots: Int32Array, values: Float64Array, line: number): void {
    if (r === BENCHMARK || line <= 0) {
      for (let k = 0; k < yearSlots.length; k++) this.addCell(c, r, yearSlots[k], values[k], NaN, line);
      return;
    }
    if (c >= this.stride) this.widen(c);
    // The first year-column row, before any other cell: the table's cells come a row of years at
    // a time, so whether a cell was given is kept once per region and category (`rowLines`).
    if (this.blocks.length === 0) this.rowLinesOf = yearSlots;
    else if (this.rowLinesOf && yearSlots !== this.rowLinesOf) this.leaveRowLines();
    // The row's cells sit at one index of each year's chunk: the chunks of a run of rows in one
    // chunk of regions are looked up once, and each cell written straight to its place.
    const ch = r >> CHUNK_BITS;
    if (ch !== this.yearsChunk || yearSlots !== this.yearsSlots) this.takeYearChunks(ch, yearSlots);
    const chunks = this.yearChunks;
    const sums = this.yearSums;
    const i = (r & IN_CHUNK) * this.stride + c;
    if (this.rowLinesOf) {
      const rowLines = this.rowLines[ch]!;
      const first = rowLines[i];
      if (first !== 0) {
        for (let y = 0; y < chunks.length; y++) this.duplicates.push({ c, r, yearSlot: yearSlots[y], line, first });
        return;
      }
      rowLines[i] = line;
      for (let y = 0; y < chunks.length; y++) {
        const v = values[y];
        chunks[y].employment[i] = v;
        if (v === v) sums[y] += v;
      }
      return;
    }
    for (let y = 0; y < chunks.length; y++) {
      const chunk = chunks[y];
      const lines = chunk.line;
      const first = lines[i];
      if (first !== 0) {
        this.duplicates.push({ c, r, yearSlot: yearSlots[y], line, first });
        continue;
      }
      lines[i] = line;
      const v = values[y];
      chunk.employment[i] = v;
      if (v === v) sums[y] += v;
    }
  }

  /**
   * While every regional cell has come from `addYears` with these year slots (one array for the
   * table): the line of the row that gave each region and category, by chunk of regions, standing
   * for the chunks' own `line` of every one of these year slots (left 0 meanwhile). A year-column
   * row is one region and category in every year, so a row given twice is seen with one look, not
   * one per year, and the chunks' lines are never touched.
   */
  private rowLinesOf: Int32Array | undefined;
  private rowLines: (Int32Array | undefined)[] = [];

  /** Back to a line per cell (a cell coming another way): each row's line written to its year slots' chunks. */
  private leaveRowLines(): void {
    const slots = this.rowLinesOf!;
    this.rowLinesOf = undefined;
    this.rowLines.forEach((rowLines, ch) => {
      if (rowLines) for (const slot of slots) this.chunk(slot, ch << CHUNK_BITS).line.set(rowLines);
    });
    this.rowLines = [];
  }

  /** The year slots and chunk of regions `addYears` wrote last, their chunks, and the employment summed into each since. */
  private yearsChunk = -1;
  private yearsSlots: Int32Array | undefined;
  private yearChunks: Chunk[] = [];
  private yearSums = new Float64Array(0);

  private takeYearChunks(ch: number, yearSlots: Int32Array): void {
    this.addYearSums();
    this.yearsChunk = ch;
    this.yearsSlots = yearSlots;
    this.yearChunks = Array.from(yearSlots, (slot) => this.chunk(slot, ch << CHUNK_BITS));
    if (this.rowLinesOf) this.rowLines[ch] ??= new Int32Array(CHUNK * this.stride);
    this.yearSums = new Float64Array(yearSlots.length);
  }

  /** The sums of `addYears` into `givenTotals` (before `build` reads them). */
  private addYearSums(): void {
    const slots = this.yearsSlots;
    if (!slots) return;
    for (let y = 0; y < slots.length; y++) this.givenTotals[slots[y]] += this.yearSums[y];
    this.yearSums.fill(0);
  }

  /** The chunk holding region `r` in a year slot, added when new. */
  private chunk(yearSlot: number, r: number): Chunk {
    const block = this.blocks[yearSlot] ?? (this.blocks[yearSlot] = []);
    const ch = r >> CHUNK_BITS;
    let chunk = block[ch];
    if (!chunk) {
      // At the first region past the first chunk a table's categories are usually all seen: the
      // room is fitted to them once (less memory; the cube's layout then copies chunks whole).
      if (ch > 0 && !this.fitted) {
        this.fitted = true;
        if (this.categoryList.length < this.stride) this.restride(Math.max(1, this.categoryList.length));
        if (this.expectedYearRows > 0) this.planSlabs();
      }
      const n = CHUNK * this.stride;
      const slab = ch < this.slabRegions >> CHUNK_BITS ? (this.slabs[yearSlot] ??= this.makeSlab()) : undefined;
      chunk = block[ch] = slab
        ? { employment: slab.employment.subarray(ch * n, ch * n + n), establishments: undefined, line: slab.line.subarray(ch * n, ch * n + n) }
        : { employment: nanArray(n), establishments: undefined, line: new Int32Array(n) };
    }
    return chunk;
  }

  /**
   * Rows a year-column table is expected to have (each a cell of every year slot), from the
   * share of the text its first lines take (`TableHead.expectedRows`). With it, once the room is
   * fitted, each year slot's chunks are made as parts of one array for the regions expected
   * (`Slab`), which is then the cube's array for that year as it stands: no copy at the end.
   */
  expectYearRows(rows: number | undefined): void {
    this.expectedYearRows = rows !== undefined && rows > 0 ? rows : 0;
  }

  private expectedYearRows = 0;
  /** Regions of room in every slab (a whole number of chunks); 0: chunks are made on their own. */
  private slabRegions = 0;
  /** By year slot. */
  private slabs: (Slab | undefined)[] = [];

  /**
   * The regions to expect, from the rows the first chunk of regions took: the regions seen and
   * the rest of the expected rows at that many rows per region. At most as many cells per slab as
   * rows are expected (a slab never holds more than the table could give it); a region past the
   * slabs gets a chunk of its own (the year is then laid out by copying, as without slabs).
   */
  private planSlabs(): void {
    const regions = this.regionIndex.size;
    const rows = Math.max(1, this.report.rowsRead);
    const expected = Math.ceil((this.expectedYearRows * regions) / rows);
    const most = Math.floor((this.expectedYearRows * 1.1) / this.stride);
    const planned = Math.min(Math.max(regions, expected), most);
    if (planned < 2 * CHUNK) return;
    this.slabRegions = Math.ceil(planned / CHUNK) * CHUNK;
    // The chunks made so far (the first chunk of regions) move into their slabs.
    this.blocks.forEach((block, slot) => {
      if (!block) return;
      block.forEach((chunk, ch) => {
        if (!chunk || ch >= this.slabRegions >> CHUNK_BITS) return;
        const slab = (this.slabs[slot] ??= this.makeSlab());
        const at = ch * CHUNK * this.stride;
        slab.employment.set(chunk.employment, at);
        slab.line.set(chunk.line, at);
        chunk.employment = slab.employment.subarray(at, at + chunk.employment.length);
        chunk.line = slab.line.subarray(at, at + chunk.line.length);
      });
    });
  }

  private makeSlab(): Slab {
    const n = this.slabRegions * this.stride;
    return { employment: nanArray(n), line: new Int32Array(n) };
  }

  private addBenchmarkBlock(yearSlot: number): { employment: Float64Array; line: Int32Array } {
    const block = { employment: nanArray(this.stride), line: new Int32Array(this.stride) };
    this.benchmarkBlocks[yearSlot] = block;
    return block;
  }

  /** Whether the room has been fitted to the categories (see `chunk`). */
  private fitted = false;

  /** Room for category `c` in every region of every block (categories come far fewer than cells). */
  private widen(c: number): void {
    this.restride(Math.max(c + 1, this.stride * 2));
  }

  /** `stride` categories of room per region in every block (never fewer than the categories there are). */
  private restride(stride: number): void {
    const old = this.stride;
    const kept = Math.min(old, stride);
    const relayout = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const rows = a.length / old;
      const b = make(rows * stride);
      for (let r = 0; r < rows; r++) b.set(a.subarray(r * old, r * old + kept), r * stride);
      return b;
    };
    for (const chunk of this.chunks()) {
      chunk.employment = relayout(chunk.employment, nanArray);
      if (chunk.establishments) chunk.establishments = relayout(chunk.establishments, nanArray);
      chunk.line = relayout(chunk.line, (n) => new Int32Array(n));
    }
    this.rowLines = this.rowLines.map((rowLines) => rowLines && relayout(rowLines, (n) => new Int32Array(n)));
    for (const block of this.benchmarkBlocks) {
      if (!block) continue;
      block.employment = relayout(block.employment, nanArray);
      block.line = relayout(block.line, (n) => new Int32Array(n));
    }
    this.stride = stride;
    // The room changed after the slabs were made: each chunk now has arrays of its own.
    this.slabs = [];
    this.slabRegions = 0;
  }

  private *chunks(): Generator<Chunk> {
    for (const block of this.blocks) if (block) for (const chunk of block) if (chunk) yield chunk;
  }

  private lastRegion = '';
  private lastRegionIndex = -1;

  private addRegion(region: string, line: number): number {
    // Rows of one region usually come together.
    if (region === this.lastRegion && this.lastRegionIndex >= 0) return this.lastRegionIndex;
    let r = this.regionIndex.get(region);
    if (r === undefined) {
      checkId(region, 'region', this.report.file, line);
      r = this.regionIndex.size;
      this.regionIndex.set(region, r);
    }
    this.lastRegion = region;
    this.lastRegionIndex = r;
    return r;
  }

  /** A region's stated total employment (not a category), e.g. Eurostat's TOTAL row. */
  addRegionTotal(region: string, year: number, value: number, line: number): void {
    const key = `${region}\u0000${year}`;
    const previous = this.totals.get(key);
    if (previous) throw new InputError({ file: this.report.file, line }, `region "${region}"${year ? `, year ${year}` : ''}: total already given on line ${previous.line}`);
    if (region !== this.options.benchmarkId) this.addRegion(region, line);
    this.slotOf(year);
    this.totals.set(key, { value, line });
  }

  build(): EmploymentCube {
    this.addYearSums();
    const years = [...this.slots.keys()].sort((a, b) => a - b);
    if (years.length === 0) throw new InputError({ file: this.report.file }, 'no usable data rows');
    const yearIndex = new Map(years.map((y, i) => [y, i]));
    const slotToYear = Int32Array.from([...this.slots.keys()], (y) => yearIndex.get(y)!);
    const nR = this.regionIndex.size;
    const { categories, remap } = this.industriesOnly();
    const nC = categories.length;
    const benchmarkId = this.options.benchmarkId;
    const regionIds = [...this.regionIndex.keys()];
    // The first cell given twice, in the order given, among the categories kept.
    for (const d of this.duplicates) {
      const c = remap[d.c];
      if (c < 0) continue;
      const region = d.r === BENCHMARK ? benchmarkId! : regionIds[d.r];
      const year = years[slotToYear[d.yearSlot]];
      throw new InputError(
        { file: this.report.file, line: d.line },
        `region "${region}", category "${categories[c].id}"${year ? `, year ${year}` : ''} already given on line ${d.first}`,
      );
    }
    // Source column of each kept category.
    const keep = new Int32Array(nC);
    remap.forEach((to, from) => {
      if (to >= 0) keep[to] = from;
    });
    const identity = nC === this.categoryList.length;
    const stride = this.stride;
    // A year's cells in the cube's layout: NaN where no cell was given (no chunk, line 0, or no count).
    const layout = (block: YearBlock | undefined, counts: boolean) => layoutYear(block, counts, nR, nC, stride, identity ? undefined : keep);
    const slotOfYear = new Int32Array(years.length);
    slotToYear.forEach((y, slot) => (slotOfYear[y] = slot));
    const slabbed = identity && stride === nC && nR <= this.slabRegions;
    const employment = years.map((_, y) => {
      const slab = slabbed ? this.slabs[slotOfYear[y]] : undefined;
      return slab ? fitSlab(slab.employment, nR * nC) : layout(this.blocks[slotOfYear[y]], false);
    });
    const establishments = this.hasEstablishments ? years.map((_, y) => layout(this.blocks[slotOfYear[y]], true)) : undefined;
    let benchmarkRows = 0;
    const benchmark = benchmarkId
      ? years.map((_, y) => {
          const out = nanArray(nC);
          const block = this.benchmarkBlocks[slotOfYear[y]];
          if (block) {
            for (let j = 0; j < nC; j++) {
              if (block.line[keep[j]] === 0) continue;
              out[j] = block.employment[keep[j]];
              benchmarkRows++;
            }
          }
          return out;
        })
      : undefined;
    const flags = this.flagCount > 0 ? years.map(() => new Map<number, string>()) : undefined;
    if (flags) {
      for (const f of this.flagged) {
        const c = remap[f.c];
        if (c >= 0) flags[slotToYear[f.yearSlot]].set(f.r * nC + c, f.flag);
      }
    }
    const regionTotals = this.totals.size > 0 ? years.map(() => nanArray(nR)) : undefined;
    for (const [key, total] of this.totals) {
      const [region, yearText] = key.split('\u0000');
      const r = this.regionIndex.get(region);
      if (r !== undefined) regionTotals![yearIndex.get(Number(yearText))!][r] = total.value;
    }
    if (benchmarkId && benchmarkRows === 0) {
      throw new InputError({ file: this.report.file }, `benchmark region "${benchmarkId}" has no rows`);
    }
    const cube: EmploymentCube = {
      regions: regionIds.map((id) => ({ id, name: id })),
      categories,
      years,
      employment,
      establishments,
      benchmarkId,
      benchmark,
    };
    if (regionTotals) cube.regionTotals = regionTotals;
    if (flags) cube.flags = flags;
    if (!this.givenTotals.every((total) => total < Infinity)) checkFiniteTotals(cube, this.report.file);
    this.reportLeftOut(remap);
    this.blocks = [];
    this.benchmarkBlocks = [];
    this.yearsSlots = undefined;
    this.yearsChunk = -1;
    this.rowLines = [];
    this.rowLinesOf = undefined;
    this.slabs = [];
    return cube;
  }

  /** Cells of a category given (filled, and given again), for the report of categories left out. */
  private cellsOf(c: number): number {
    let cells = 0;
    const stride = this.stride;
    for (const chunk of this.chunks()) for (let i = c; i < chunk.line.length; i += stride) if (chunk.line[i] !== 0) cells++;
    // A row's line stands for a cell in each of its year slots.
    const years = this.rowLinesOf?.length ?? 0;
    for (const rowLines of this.rowLines) if (rowLines) for (let i = c; i < rowLines.length; i += stride) if (rowLines[i] !== 0) cells += years;
    for (const block of this.benchmarkBlocks) if (block && block.line[c] !== 0) cells++;
    for (const d of this.duplicates) if (d.c === c) cells++;
    for (const k of this.replaced) if (k === c) cells++;
    return cells;
  }

  /** The categories kept and each collected category's new index (-1: left out as not an industry). */
  private industriesOnly(): { categories: Category[]; remap: Int32Array } {
    const all = this.categoryList;
    const remap = Int32Array.from(all, (_, i) => i);
    if (this.closedCategories || this.options.keepNonIndustry) return { categories: all, remap };
    const codes = nonIndustryCodes(all);
    // A table of nothing but totals is still a table: keep it whole rather than empty.
    if (codes.length === 0 || codes.length === all.length) return { categories: all, remap };
    const dropped = new Map(codes.map((code) => [code.id, code]));
    const categories: Category[] = [];
    all.forEach((c, i) => {
      remap[i] = dropped.has(c.id) ? -1 : categories.push(c) - 1;
    });
    this.nonIndustryCodes = codes;
    return { categories, remap };
  }

  private nonIndustryCodes: NonIndustryCode[] = [];

  private reportLeftOut(remap: Int32Array): void {
    if (this.nonIndustryCodes.length === 0) return;
    const index = new Map(this.categoryList.map((c, i) => [c.id, i]));
    this.report.nonIndustry = this.nonIndustryCodes.map((code) => {
      const c = index.get(code.id)!;
      return { ...code, cells: remap[c] < 0 ? this.cellsOf(c) : 0, detail: describeNonIndustry(code) };
    });
    this.report.notes.push(
      `left out of the categories as not industries (keep them with the import option or --keep-non-industry): ${this.report.nonIndustry.map((c) => `${c.detail} (${c.cells} cells)`).join('; ')}`,
    );
  }
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether `checkId` would refuse the id (a reader's plain rows leave such an id to the general path). */
export function hasControlCharacter(id: string): boolean {
  return CONTROL.test(id);
}

/** A NUL or other control character makes an id that prints like another and joins nothing: checked once per new id. */
function checkId(id: string, role: string, file: string, line: number): void {
  const control = CONTROL.exec(id);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InputError({ file, line }, `the ${role} ${JSON.stringify(id)} holds the control character ${code}`);
  }
}
