/**
 * Industry-level tables of any size → the region × category cube, out of core, with DuckDB.
 *
 * A County Business Patterns year is about 2 million rows of region × 6-digit industry code; all
 * years are tens of millions, more than the in-memory readers should hold. DuckDB scans CSV,
 * gzipped CSV or Parquet in parallel, spills to disk past its memory limit, and runs the
 * aggregation in `sql/industry_to_categories.sql` — plain SQL, so the same query runs on a
 * distributed engine (README). What comes back is small: one row per region × category × year.
 *
 * Semantics are those of the in-memory `aggregateIndustries` (src/io/industryMapping.ts), tested
 * side by side: longest prefix wins, codes refined by other codes of the data are aggregates and
 * left out, unmapped codes are listed with their employment, suppressed cells take the size-class
 * midpoint (or "not reported") and are counted per letter.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Category, EmploymentCube } from '../model/dataset';
import { InputError } from '../io/errors';
import type { TableReport } from '../io/cubeBuilder';
import type { IndustryMapping, IndustryReport } from '../io/industryMapping';
import { CBP_EMPLOYMENT_RANGES, suppressedValue, type SuppressionPolicy } from '../io/suppression';

export interface IndustryColumns {
  /** One column, or several joined with "+" (County Business Patterns: fipstate+fipscty). */
  region: string;
  industry: string;
  employment: string;
  establishments?: string;
  /** Suppression flag column (EMPFLAG). */
  flag?: string;
  year?: string;
}

export interface IndustryTableOptions {
  file: string;
  mapping: IndustryMapping;
  /** Columns as named in the file; guessed from the header where not given. */
  columns?: Partial<IndustryColumns>;
  suppression: SuppressionPolicy;
  /** Year of a table without a year column. */
  defaultYear?: number;
  benchmarkId?: string;
  /** DuckDB's memory limit (it spills to a temporary directory beyond it), e.g. "1GB". */
  memoryLimit?: string;
  threads?: number;
}

export interface IndustryTableResult {
  cube: EmploymentCube;
  report: TableReport;
  industry: IndustryReport;
  hasYears: boolean;
  columns: IndustryColumns;
}

const GUESSES: Record<keyof IndustryColumns, string[]> = {
  region: ['region', 'geo', 'geoid', 'fips', 'area_fips', 'region_id', 'fipstate+fipscty'],
  industry: ['industry', 'naics', 'naics2017', 'naics2012', 'industry_code', 'code', 'nace', 'okved'],
  employment: ['employment', 'emp', 'jobs'],
  establishments: ['establishments', 'est', 'estab'],
  flag: ['empflag', 'employment_flag', 'emp_flag', 'flag'],
  year: ['year', 'time', 'period'],
};

/** Reads the statements of the SQL file, each introduced by a line `-- name: <result>`. */
export function industrySql(): Map<string, string> {
  const path = fileURLToPath(new URL('../../sql/industry_to_categories.sql', import.meta.url));
  const statements = new Map<string, string>();
  let name: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (name) statements.set(name, body.join('\n').trim().replace(/;\s*$/, ''));
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^-- name: (\w+)/.exec(line);
    if (match) {
      flush();
      name = match[1];
      body = [];
    } else if (name) body.push(line);
  }
  flush();
  return statements;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The file as DuckDB reads it. Without `textColumns` every cell is text (to learn the header);
 * with them, those columns stay text (codes keep their leading zeros and padding) and DuckDB types
 * the others itself, so numbers are parsed natively — the bulk of a CBP file's bytes.
 */
function sourceOf(file: string, textColumns?: string[]): string {
  if (/\.parquet$/i.test(file)) return `read_parquet(${quoteText(file)})`;
  if (!textColumns) return `read_csv(${quoteText(file)}, header = true, all_varchar = true, auto_detect = true)`;
  const types = textColumns.map((c) => `${quoteText(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${quoteText(file)}, header = true, auto_detect = true, nullstr = ['', ':'], types = {${types}})`;
}

/** The size-class letters as an SQL list. */
const SIZE_CLASS_LETTERS = Object.keys(CBP_EMPLOYMENT_RANGES).map(quoteText).join(', ');

/** Number columns whose cells are checked, in the order of their `bad_<i>` columns. */
const checkedColumns = (columns: IndustryColumns) => [columns.employment, columns.establishments, columns.year].filter((c): c is string => c !== undefined);

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;

function pickColumns(header: string[], given: Partial<IndustryColumns>, file: string): IndustryColumns {
  const lower = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const has = (spec: string) => spec.split('+').every((part) => lower.has(part.trim().toLowerCase()) || header.includes(part));
  const resolve = (spec: string) =>
    spec
      .split('+')
      .map((part) => lower.get(part.trim().toLowerCase()) ?? part)
      .join('+');
  const pick = (key: keyof IndustryColumns, required: boolean): string | undefined => {
    const spec = given[key];
    if (spec !== undefined) {
      if (!has(spec)) throw new InputError({ file }, `no column "${spec}" for ${key} (the header has ${header.join(', ')})`);
      return resolve(spec);
    }
    const guess = GUESSES[key].find(has);
    if (guess === undefined && required) {
      throw new InputError({ file }, `no ${key} column recognised in the header (${header.join(', ')}); name it with --${key}-column`);
    }
    return guess === undefined ? undefined : resolve(guess);
  };
  return {
    region: pick('region', true)!,
    industry: pick('industry', true)!,
    employment: pick('employment', true)!,
    establishments: pick('establishments', false),
    flag: pick('flag', false),
    year: pick('year', false),
  };
}

/** `fipstate+fipscty` → the columns' text joined. */
const regionExpression = (spec: string) =>
  spec
    .split('+')
    .map((part) => `trim(CAST(${quoteIdent(part)} AS VARCHAR))`)
    .join(' || ');

const textCell = (column: string) => `nullif(nullif(trim(CAST(${quoteIdent(column)} AS VARCHAR)), ''), ':')`;

export async function aggregateIndustryTable(options: IndustryTableOptions): Promise<IndustryTableResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const spill = mkdtempSync(join(tmpdir(), 'atlas-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: options.memoryLimit ?? '1GB',
    threads: String(options.threads ?? 2),
    temp_directory: spill,
  });
  const connection = await instance.connect();
  try {
    return await aggregate(connection, options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // DuckDB's own words for unreadable files (bad quoting, not a Parquet file …), with the file named.
    throw new InputError({ file: options.file }, (error as Error).message);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

/**
 * One scan of the file into the columnar table `industry_rows` that every later step reads (DuckDB
 * spills it to disk past its memory limit), never the file again. A cell that is neither a number,
 * empty, ":", a suppression letter nor (with a flag column) a flagged 0 is kept as text beside its
 * row (`bad_<i>`), so that the check can name it.
 */
async function loadRows(db: DuckDBConnection, options: IndustryTableOptions, columns: IndustryColumns, source: string): Promise<void> {
  const types = new Map((await db.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
  const numeric = (column: string) => NUMERIC.test(types.get(column) ?? '');
  // A column DuckDB typed as numbers is parsed by it; one it left as text is converted here.
  const number = (column: string) =>
    numeric(column) ? `CAST(${quoteIdent(column)} AS DOUBLE)` : `TRY_CAST(replace(${textCell(column)}, ',', '') AS DOUBLE)`;
  // County Business Patterns flags a suppressed cell in EMPFLAG; other tables put the letter in the number's place.
  const letterInPlace = numeric(columns.employment) ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN upper(${textCell(columns.employment)}) IN (${SIZE_CLASS_LETTERS}) THEN upper(${textCell(columns.employment)}) END`;
  const flag = columns.flag ? `coalesce(upper(${textCell(columns.flag)}), ${letterInPlace})` : letterInPlace;
  const badText = (column: string, exempt: string) =>
    numeric(column) ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${textCell(column)} IS NOT NULL AND NOT (${exempt}) AND ${number(column)} IS NULL THEN ${textCell(column)} END`;
  const checked = checkedColumns(columns);
  const year = columns.year ? `CAST(${number(columns.year)} AS INTEGER)` : String(options.defaultYear ?? 0);
  await db.run(`CREATE TEMPORARY TABLE industry_rows AS SELECT
      ${regionExpression(columns.region)} AS region,
      trim(CAST(${quoteIdent(columns.industry)} AS VARCHAR)) AS industry,
      ${year} AS year,
      CASE WHEN ${flag} IS NOT NULL THEN NULL ELSE ${number(columns.employment)} END AS employment,
      ${columns.establishments ? number(columns.establishments) : 'CAST(NULL AS DOUBLE)'} AS establishments,
      ${flag} AS employment_flag,
      ${checked.map((column, i) => `${badText(column, i === 0 ? `${flag} IS NOT NULL` : 'false')} AS bad_${i}`).join(',\n      ')}
    FROM ${source}`);
}

async function aggregate(db: DuckDBConnection, options: IndustryTableOptions): Promise<IndustryTableResult> {
  const { file, mapping } = options;
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

  const header = (await rows(`DESCRIBE SELECT * FROM ${sourceOf(file)}`)).map((r) => String(r.column_name));
  const columns = pickColumns(header, options.columns ?? {}, file);
  const textColumns = [...columns.region.split('+'), columns.industry, ...(columns.flag ? [columns.flag] : [])];
  try {
    await loadRows(db, options, columns, sourceOf(file, textColumns));
  } catch (error) {
    // A cell DuckDB's sample did not foresee (a letter or a typo far down a column it typed as
    // numbers): read that file again with every cell as text, so the check below names the cell.
    if (!/Conversion Error/.test((error as Error).message)) throw error;
    await db.run('DROP TABLE IF EXISTS industry_rows');
    await loadRows(db, options, columns, sourceOf(file));
  }
  const checked = checkedColumns(columns);

  for (const [i, column] of checked.entries()) {
    const bad = await rows(`SELECT region, industry, bad_${i} AS cell, (SELECT count(bad_${i}) FROM industry_rows) AS n FROM industry_rows WHERE bad_${i} IS NOT NULL LIMIT 1`);
    if (bad.length > 0) {
      const b = bad[0];
      throw new InputError(
        { file, column },
        `"${b.cell}" is not a number (region ${b.region}, industry ${b.industry}; ${b.n} such cell${Number(b.n) === 1 ? '' : 's'})`,
      );
    }
  }
  if (columns.flag) {
    const bad = await rows(
      `SELECT employment_flag AS flag, count(*) AS n FROM industry_rows
       WHERE employment_flag IS NOT NULL AND employment_flag NOT IN (${SIZE_CLASS_LETTERS}) GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    if (bad.length > 0) throw new InputError({ file, column: columns.flag }, `"${bad[0].flag}" is not a suppression flag (A–C, E–M; ${bad[0].n} cells)`);
  }

  await db.run('CREATE TABLE industry_map (code_prefix VARCHAR, category VARCHAR)');
  await db.run('CREATE TABLE size_class_value (flag VARCHAR, employment DOUBLE)');
  const appendPairs = async (table: string, pairs: [string, string | number][]) => {
    const appender = await db.createAppender(table);
    for (const [a, b] of pairs) {
      appender.appendVarchar(a);
      if (typeof b === 'number') appender.appendDouble(b);
      else appender.appendVarchar(b);
      appender.endRow();
    }
    appender.closeSync();
  };
  await appendPairs('industry_map', [...mapping.byPrefix]);
  if (options.suppression === 'midpoint') {
    await appendPairs('size_class_value', Object.keys(CBP_EMPLOYMENT_RANGES).map((flag) => [flag, suppressedValue(flag, 'midpoint')]));
  }

  const sql = industrySql();
  await db.run(sql.get('codes')!);
  const [cells, regionRows, yearRows, unmapped, aggregates, suppressed, counts] = [
    await rows(sql.get('cells')!),
    await rows(sql.get('regions')!),
    await rows(sql.get('years')!),
    await rows(sql.get('unmapped')!),
    await rows(sql.get('aggregates')!),
    await rows(sql.get('suppressed')!),
    await rows(`SELECT count(*) AS rows,
        count_if(c.category IS NOT NULL) AS used,
        count_if(c.finer > 0) AS aggregate_rows,
        count_if(c.category IS NULL AND c.finer = 0) AS unmapped_rows,
        count_if(c.category IS NOT NULL AND r.employment IS NULL AND r.employment_flag IS NULL) AS missing
      FROM industry_rows r JOIN industry_codes c ON c.raw_code = r.industry`),
  ];

  const benchmarkId = options.benchmarkId;
  const regions = regionRows.map((r) => String(r.region)).filter((id) => id !== benchmarkId);
  if (regions.length === 0) throw new InputError({ file }, 'no usable data rows');
  const years = yearRows.map((r) => Number(r.year));
  const categories: Category[] = mapping.categories;
  const regionIndex = new Map(regions.map((id, i) => [id, i]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const categoryIndex = new Map(categories.map((c, i) => [c.id, i]));
  const nR = regions.length;
  const nC = categories.length;
  const employment = years.map(() => new Float64Array(nR * nC).fill(NaN));
  const hasEstablishments = columns.establishments !== undefined;
  const establishments = hasEstablishments ? years.map(() => new Float64Array(nR * nC).fill(NaN)) : undefined;
  const benchmark = benchmarkId ? years.map(() => new Float64Array(nC).fill(NaN)) : undefined;
  let partialCells = 0;
  for (const cell of cells) {
    const y = yearIndex.get(Number(cell.year))!;
    const c = categoryIndex.get(String(cell.category))!;
    const value = cell.employment === null ? NaN : Number(cell.employment);
    if (!Number.isNaN(value) && Number(cell.codes_missing) > 0) partialCells++;
    if (String(cell.region) === benchmarkId) {
      benchmark![y][c] = value;
      continue;
    }
    const i = regionIndex.get(String(cell.region))! * nC + c;
    employment[y][i] = value;
    if (establishments) establishments[y][i] = cell.establishments === null ? NaN : Number(cell.establishments);
  }
  const cube: EmploymentCube = {
    regions: regions.map((id) => ({ id, name: id })),
    categories,
    years,
    employment,
  };
  if (establishments) cube.establishments = establishments;
  if (benchmark) {
    cube.benchmarkId = benchmarkId;
    cube.benchmark = benchmark;
  }

  const c = counts[0];
  const suppressedCells = suppressed.reduce((n, s) => n + Number(s.cells), 0);
  const report: TableReport = {
    file,
    rowsRead: Number(c.rows),
    rowsUsed: Number(c.used),
    missingCells: Number(c.missing),
    unused: [],
    excluded: [
      { reason: 'industry code refined by finer codes of the same data (an aggregate)', rows: Number(c.aggregate_rows) },
      { reason: 'industry code without a category in the mapping', rows: Number(c.unmapped_rows) },
    ].filter((e) => e.rows > 0),
    notes: [
      `aggregated with DuckDB (${columns.region} × ${columns.industry}${columns.year ? ` × ${columns.year}` : ''} → ${nR} regions × ${nC} categories × ${years.length} year${years.length === 1 ? '' : 's'})`,
    ],
  };
  if (suppressedCells > 0) {
    report.suppressed = {
      policy: options.suppression,
      cells: suppressedCells,
      byFlag: Object.fromEntries(suppressed.map((s) => [String(s.flag), Number(s.cells)])),
    };
  }
  const industry: IndustryReport = {
    mapped: [],
    unmapped: unmapped.map((u) => ({ code: String(u.code), cells: Number(u.cells), employment: Number(u.employment) })),
    aggregates: aggregates.map((a) => ({ code: String(a.code), finer: Number(a.finer) })),
    partialCells,
    notes: [],
  };
  const mapped = await rows('SELECT raw_code, category FROM industry_codes WHERE category IS NOT NULL ORDER BY raw_code');
  industry.mapped = mapped.map((m) => ({ code: String(m.raw_code), category: String(m.category) }));
  return { cube, report, industry, hasYears: columns.year !== undefined, columns };
}
