import type { Category, EmploymentCube } from '../model/dataset';
import { InputError } from './errors';

/** What happened to every row of an input table: nothing is dropped without being counted here. */
export interface TableReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  /** Cells that held a "not reported" marker; they become NaN (not 0). */
  missingCells: number;
  /** Rows not used, each with its line and why. */
  unused: { line: number; reason: string }[];
  notes: string[];
}

export interface CubeOptions {
  /** Region id whose rows are the benchmark (e.g. "US"); kept out of the regions. */
  benchmarkId?: string;
  /** Known categories in display order; rows of other categories are reported as unused. */
  categories?: Category[];
  /** Year for tables without a year column. */
  defaultYear?: number;
}

interface Cell {
  employment: number;
  establishments: number;
  line: number;
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
  add(region: string, category: string, year: number, employment: number, establishments: number, line: number): boolean {
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
    if (region !== this.options.benchmarkId && !this.regionIndex.has(region)) this.regionIndex.set(region, this.regionIndex.size);
    this.yearSet.add(year);
    if (!Number.isNaN(establishments)) this.hasEstablishments = true;
    this.cells.set(key, { employment, establishments, line });
    return true;
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
    }
    if (benchmarkId && benchmarkRows === 0) {
      throw new InputError({ file: this.report.file }, `benchmark region "${benchmarkId}" has no rows`);
    }
    return {
      regions: [...this.regionIndex.keys()].map((id) => ({ id, name: id })),
      categories: this.categoryList,
      years,
      employment,
      establishments,
      benchmarkId,
      benchmark,
    };
  }
}
