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

/**
 * Collects (region, category, year) cells from any table layout, then lays them out as a dense
 * region-major cube. Regions keep first-appearance order; categories the categories table's order.
 * Cells are kept as numeric columns, not keyed objects: a county table has millions of them.
 */
export class CubeBuilder {
  private readonly regionIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryList: Category[] = [];
  private readonly slots = new Map<number, number>();
  private readonly closedCategories: boolean;
  private hasEstablishments = false;
  // One growable column per field of a cell, all of length `cells` (the count is unknown in advance).
  private cells = 0;
  private cellRegion = new Int32Array(1024);
  private cellCategory = new Int32Array(1024);
  private cellYear = new Int32Array(1024);
  private cellLine = new Int32Array(1024);
  private cellEmployment = new Float64Array(1024);
  private cellEstablishments = new Float64Array(1024);
  private lastYear = NaN;
  private lastYearSlot = -1;
  private readonly cellFlags = new Map<number, string>();
  private readonly totals = new Map<string, { value: number; line: number }>();
  readonly report: TableReport;

  constructor(
    file: string,
    private readonly options: CubeOptions = {},
    /** Cells probably coming (a large streamed table): the buffers start that large instead of doubling up to it. */
    expectedCells = 0,
  ) {
    if (expectedCells > 1024) this.resize(Math.min(expectedCells, 1 << 28));
    this.report = { file, rowsRead: 0, rowsUsed: 0, missingCells: 0, unused: [], notes: [] };
    this.closedCategories = options.categories !== undefined && options.categories.length > 0;
    for (const c of options.categories ?? []) this.addCategory(c);
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
    const k = this.cells;
    if (k === this.cellLine.length) this.grow();
    if (flags) this.cellFlags.set(k, flags);
    this.cellRegion[k] = r;
    this.cellCategory[k] = c;
    this.cellYear[k] = yearSlot;
    this.cellLine[k] = line;
    this.cellEmployment[k] = employment;
    this.cellEstablishments[k] = establishments;
    this.cells = k + 1;
    if (!this.hasEstablishments && !Number.isNaN(establishments)) this.hasEstablishments = true;
  }

  private grow(): void {
    this.resize(this.cellLine.length * 2);
  }

  private resize(n: number): void {
    const int = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const float = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.cellRegion = int(this.cellRegion);
    this.cellCategory = int(this.cellCategory);
    this.cellYear = int(this.cellYear);
    this.cellLine = int(this.cellLine);
    this.cellEmployment = float(this.cellEmployment);
    this.cellEstablishments = float(this.cellEstablishments);
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
    const years = [...this.slots.keys()].sort((a, b) => a - b);
    if (years.length === 0) throw new InputError({ file: this.report.file }, 'no usable data rows');
    const yearIndex = new Map(years.map((y, i) => [y, i]));
    const slotToYear = Int32Array.from([...this.slots.keys()], (y) => yearIndex.get(y)!);
    const nR = this.regionIndex.size;
    const { categories, remap } = this.industriesOnly();
    const nC = categories.length;
    const leftOut = new Map<number, number>();
    const employment = years.map(() => new Float64Array(nR * nC).fill(NaN));
    const establishments = this.hasEstablishments ? years.map(() => new Float64Array(nR * nC).fill(NaN)) : undefined;
    const benchmarkId = this.options.benchmarkId;
    const benchmark = benchmarkId ? years.map(() => new Float64Array(nC).fill(NaN)) : undefined;
    let benchmarkRows = 0;
    const flags = this.cellFlags.size > 0 ? years.map(() => new Map<number, string>()) : undefined;
    // Line of the cell that first filled each slot (0: empty), to name both lines of a duplicate.
    const firstLine = years.map(() => new Int32Array(nR * nC));
    const benchmarkLine = years.map(() => new Int32Array(nC));
    const regionIds = [...this.regionIndex.keys()];

    const n = this.cells;
    const R = this.cellRegion, C = this.cellCategory, Y = this.cellYear, L = this.cellLine;
    const E = this.cellEmployment, P = this.cellEstablishments;
    for (let k = 0; k < n; k++) {
      const y = slotToYear[Y[k]];
      const c = remap[C[k]];
      if (c < 0) {
        leftOut.set(C[k], (leftOut.get(C[k]) ?? 0) + 1);
        continue;
      }
      const r = R[k];
      const filled = r === BENCHMARK ? benchmarkLine[y] : firstLine[y];
      const i = r === BENCHMARK ? c : r * nC + c;
      if (filled[i] !== 0) {
        const region = r === BENCHMARK ? benchmarkId! : regionIds[r];
        const year = years[y];
        throw new InputError(
          { file: this.report.file, line: L[k] },
          `region "${region}", category "${categories[c].id}"${year ? `, year ${year}` : ''} already given on line ${filled[i]}`,
        );
      }
      filled[i] = L[k];
      if (r === BENCHMARK) {
        benchmark![y][c] = E[k];
        benchmarkRows++;
        continue;
      }
      employment[y][i] = E[k];
      if (establishments) establishments[y][i] = P[k];
      if (flags) {
        const flag = this.cellFlags.get(k);
        if (flag) flags[y].set(i, flag);
      }
    }
    const regionTotals = this.totals.size > 0 ? years.map(() => new Float64Array(nR).fill(NaN)) : undefined;
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
    checkFiniteTotals(cube, this.report.file);
    this.reportLeftOut(leftOut);
    return cube;
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

  private reportLeftOut(cells: Map<number, number>): void {
    if (this.nonIndustryCodes.length === 0) return;
    const index = new Map(this.categoryList.map((c, i) => [c.id, i]));
    this.report.nonIndustry = this.nonIndustryCodes.map((code) => ({ ...code, cells: cells.get(index.get(code.id)!) ?? 0, detail: describeNonIndustry(code) }));
    this.report.notes.push(
      `left out of the categories as not industries (keep them with the import option or --keep-non-industry): ${this.report.nonIndustry.map((c) => `${c.detail} (${c.cells} cells)`).join('; ')}`,
    );
  }
}

/** A NUL or other control character makes an id that prints like another and joins nothing: checked once per new id. */
function checkId(id: string, role: string, file: string, line: number): void {
  const control = /[\u0000-\u001f\u007f]/.exec(id);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InputError({ file, line }, `the ${role} ${JSON.stringify(id)} holds the control character ${code}`);
  }
}
