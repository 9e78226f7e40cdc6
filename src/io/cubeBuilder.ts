import type { Category, EmploymentCube } from '../model/dataset';
import { InputError } from './errors';
import type { SuppressionPolicy, SuppressionReport } from './suppression';

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
}

interface Cell {
  employment: number;
  establishments: number;
  line: number;
  flags?: string;
}

/**
 * Collects (region, category, year) cells from any table layout, then lays them out as a dense
 * region-major cube. Regions keep first-appearance order; categories the categories table's order.
 */
export class CubeBuilder {
  private readonly cells = new Map<string, Cell>();
  private readonly regionIndex = new Map<string, number>();
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryList: Category[] = [];
  private readonly yearSet = new Set<number>();
  private readonly closedCategories: boolean;
  private hasEstablishments = false;
  private hasFlags = false;
  private readonly totals = new Map<string, { value: number; line: number }>();
  readonly report: TableReport;

  constructor(
    file: string,
    private readonly options: CubeOptions = {},
  ) {
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

  /** Returns false (and records why) when the cell's category is not in the categories table. */
  add(region: string, category: string, year: number, employment: number, establishments: number, line: number, flags?: string): boolean {
    if (!this.categoryIndex.has(category)) {
      if (this.closedCategories) {
        this.report.unused.push({ line, reason: `category "${category}" is not in the categories table` });
        return false;
      }
      this.addCategory({ id: category, name: category });
    }
    const key = `${region}\u0000${category}\u0000${year}`;
    const previous = this.cells.get(key);
    if (previous) {
      throw new InputError(
        { file: this.report.file, line },
        `region "${region}", category "${category}"${year ? `, year ${year}` : ''} already given on line ${previous.line}`,
      );
    }
    this.addRegion(region);
    this.yearSet.add(year);
    if (!Number.isNaN(establishments)) this.hasEstablishments = true;
    if (flags) this.hasFlags = true;
    this.cells.set(key, flags ? { employment, establishments, line, flags } : { employment, establishments, line });
    return true;
  }

  private addRegion(region: string): void {
    if (region !== this.options.benchmarkId && !this.regionIndex.has(region)) this.regionIndex.set(region, this.regionIndex.size);
  }

  /** A region's stated total employment (not a category), e.g. Eurostat's TOTAL row. */
  addRegionTotal(region: string, year: number, value: number, line: number): void {
    const key = `${region}\u0000${year}`;
    const previous = this.totals.get(key);
    if (previous) throw new InputError({ file: this.report.file, line }, `region "${region}"${year ? `, year ${year}` : ''}: total already given on line ${previous.line}`);
    this.addRegion(region);
    this.yearSet.add(year);
    this.totals.set(key, { value, line });
  }

  build(): EmploymentCube {
    const years = [...this.yearSet].sort((a, b) => a - b);
    if (years.length === 0) throw new InputError({ file: this.report.file }, 'no usable data rows');
    const yearIndex = new Map(years.map((y, i) => [y, i]));
    const nR = this.regionIndex.size;
    const nC = this.categoryList.length;
    const employment = years.map(() => new Float64Array(nR * nC).fill(NaN));
    const establishments = this.hasEstablishments ? years.map(() => new Float64Array(nR * nC).fill(NaN)) : undefined;
    const benchmarkId = this.options.benchmarkId;
    const benchmark = benchmarkId ? years.map(() => new Float64Array(nC).fill(NaN)) : undefined;
    let benchmarkRows = 0;
    const flags = this.hasFlags ? years.map(() => new Map<number, string>()) : undefined;

    for (const [key, cell] of this.cells) {
      const [region, category, yearText] = key.split('\u0000');
      const y = yearIndex.get(Number(yearText))!;
      const c = this.categoryIndex.get(category)!;
      if (region === benchmarkId) {
        benchmark![y][c] = cell.employment;
        benchmarkRows++;
        continue;
      }
      const i = this.regionIndex.get(region)! * nC + c;
      employment[y][i] = cell.employment;
      if (establishments) establishments[y][i] = cell.establishments;
      if (cell.flags) flags![y].set(i, cell.flags);
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
      regions: [...this.regionIndex.keys()].map((id) => ({ id, name: id })),
      categories: this.categoryList,
      years,
      employment,
      establishments,
      benchmarkId,
      benchmark,
    };
    if (regionTotals) cube.regionTotals = regionTotals;
    if (flags) cube.flags = flags;
    return cube;
  }
}
