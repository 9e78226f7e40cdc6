import Papa from 'papaparse';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';

/** A sheet or an official export as a grid of cell texts, before its header is known. */
export interface Grid {
  fileName: string;
  rows: string[][];
  /** 1-based source line (text) or sheet row (workbook) of each grid row. */
  lines: number[];
  /** Merged ranges, 0-based and inclusive (a year spanning its sub-columns). */
  merges?: { top: number; left: number; bottom: number; right: number }[];
}

/** What was found above and below the table proper; shown in the mapping step and the CLI's notes. */
export interface GridLayout {
  /** Rows above the header (a title, a unit, a source), with their lines. */
  titles: { line: number; text: string }[];
  /** Lines of the header rows (more than one when a year row has a sub-row under it). */
  headerLines: number[];
  /** A sub-header the same under every column (e.g. "на 1 октября"): part of the meaning, not of the names. */
  qualifiers: string[];
  /** Rows after the data with a single cell (notes, sources). */
  footnotes: { line: number; text: string }[];
}

const YEAR = /^(19|20)\d{2}$/;
const NUMBER = /^[-+]?[\d\s\u00a0]*[.,]?\d+([eE][-+]?\d+)?$/;
const MAX_HEADER_ROWS = 4;

const filled = (row: string[]) => row.filter((c) => c.trim() !== '').length;

/**
 * Turns a grid into the table the long, wide and year-column readers take: merged cells spread
 * over their range; title rows (one filled cell, above the first row with several) kept aside and
 * reported; a header of one to four rows, the lower rows continuing the upper ones (their first
 * cell is empty and they hold names, not numbers), joined column by column ("2015 Q1"), except a
 * sub-row that says the same under every column, which becomes a qualifier; footnote rows below
 * the data set aside. Lines stay those of the source, so every later error points into the file.
 */
export function gridToTable(grid: Grid, delimiter = ','): { table: DelimitedTable; layout: GridLayout } {
  const file = grid.fileName;
  const rows = grid.rows.map((r) => r.map((c) => c ?? ''));
  for (const m of grid.merges ?? []) {
    const value = rows[m.top]?.[m.left] ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      rows[r] ??= [];
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) rows[r][c] = value.trimStart();
    }
  }
  const lines = grid.lines;
  let blankLines = 0;
  const kept: number[] = [];
  rows.forEach((row, i) => {
    if (filled(row) === 0) blankLines++;
    else kept.push(i);
  });
  const firstWide = kept.findIndex((i) => filled(rows[i]) >= 2);
  if (firstWide < 0) throw new InputError({ file }, 'no row with two or more filled cells: no table found');
  const titles = kept.slice(0, firstWide).map((i) => ({ line: lines[i], text: rows[i].find((c) => c.trim() !== '')!.trim() }));

  let headerEnd = firstWide + 1;
  while (headerEnd < kept.length && headerEnd - firstWide < MAX_HEADER_ROWS) {
    const row = rows[kept[headerEnd]];
    const continues = (row[0] ?? '').trim() === '' && row.every((c) => c.trim() === '' || !NUMBER.test(c.trim()) || YEAR.test(c.trim()));
    if (!continues || headerEnd + 1 >= kept.length) break;
    headerEnd++;
  }
  const headerRows = kept.slice(firstWide, headerEnd).map((i) => rows[i]);
  let width = 0;
  for (let k = firstWide; k < kept.length; k++) width = Math.max(width, lastFilled(rows[kept[k]]) + 1);

  const qualifiers: string[] = [];
  const parts: string[][] = Array.from({ length: width }, () => []);
  headerRows.forEach((row, h) => {
    const values = row.slice(0, width).map((c) => c.trim());
    const distinct = new Set(values.slice(1).filter((v) => v !== ''));
    if (h > 0 && distinct.size === 1 && values.filter((v) => v !== '').length > 1) {
      qualifiers.push([...distinct][0]);
      return;
    }
    values.forEach((v, c) => {
      if (v !== '' && !parts[c].includes(v)) parts[c].push(v);
    });
  });
  // A label spanning the year columns ("Численность" over 2014, 2015 …) says what they hold: the year names them.
  const yearColumns = parts.filter((p) => p.filter((x) => YEAR.test(x)).length === 1);
  const others = new Set(yearColumns.map((p) => p.filter((x) => !YEAR.test(x)).join(' ')));
  if (yearColumns.length > 1 && others.size === 1) {
    const label = [...others][0];
    if (label !== '') qualifiers.push(label);
    for (const p of yearColumns) p.splice(0, p.length, p.find((x) => YEAR.test(x))!);
  }
  const seen = new Map<string, number>();
  const header = parts.map((p, c) => {
    let name = p.join(' ') || `column ${c + 1}`;
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });

  // Rows with one filled cell after the last row with several are notes under the table.
  let dataEnd = kept.length;
  while (dataEnd > headerEnd && filled(rows[kept[dataEnd - 1]]) <= 1) dataEnd--;
  const footnotes = kept.slice(dataEnd).map((i) => ({ line: lines[i], text: rows[i].find((c) => c.trim() !== '')!.trim() }));

  const data = kept.slice(headerEnd, dataEnd);
  const table: DelimitedTable = {
    fileName: file,
    delimiter,
    header,
    rows: data.map((i) => Array.from({ length: width }, (_, c) => rows[i][c] ?? '')),
    lines: data.map((i) => lines[i]),
    blankLines,
  };
  return { table, layout: { titles, headerLines: kept.slice(firstWide, headerEnd).map((i) => lines[i]), qualifiers, footnotes } };
}

function lastFilled(row: string[]): number {
  for (let c = row.length - 1; c >= 0; c--) if ((row[c] ?? '').trim() !== '') return c;
  return -1;
}

/** The layout in words, for the file's notes. */
export function layoutNotes(layout: GridLayout): string[] {
  const notes: string[] = [];
  for (const t of layout.titles) notes.push(`title row (line ${t.line}) skipped: "${t.text}"`);
  if (layout.headerLines.length > 1) notes.push(`header of ${layout.headerLines.length} rows (lines ${layout.headerLines.join(', ')}) joined column by column`);
  for (const q of layout.qualifiers) notes.push(`under every column of the header: "${q}"`);
  for (const f of layout.footnotes) notes.push(`note below the table (line ${f.line}) skipped: "${f.text}"`);
  return notes;
}

/**
 * An official export saved as CSV read as a grid (title rows have fewer fields than the table,
 * so the strict reader refuses them): the delimiter is the one most lines agree on, ignoring
 * lines without any; each row keeps its source line.
 */
export function textGrid(text: string, fileName: string): Grid {
  const delimiter = gridDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  let failure: InputError | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const rowLine = line;
      for (let i = last; i < result.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++;
      last = result.meta.cursor;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        failure = new InputError({ file: fileName, line: rowLine }, 'unbalanced quotes');
        parser.abort();
        return;
      }
      rows.push(result.data);
      lines.push(rowLine);
    },
  });
  if (failure) throw failure;
  return { fileName, rows, lines };
}

export function gridDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r?\n/).slice(0, 60);
  let best = ',';
  let bestScore = 0;
  for (const d of [';', '\t', ',', '|']) {
    const counts = new Map<number, number>();
    for (const l of sample) {
      const n = l.split(d).length - 1;
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, ...counts.values());
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Whether a grid read found more than a plain header: title rows, a header of several rows, unnamed columns. */
export function isOfficialExport(table: DelimitedTable, layout: GridLayout): boolean {
  return layout.titles.length > 0 || layout.headerLines.length > 1 || layout.footnotes.length > 0 || table.header.some((h) => /^column \d+$/.test(h));
}
