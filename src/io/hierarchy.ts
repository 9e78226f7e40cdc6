import type { DelimitedTable } from './delimited';

/**
 * Official exports (Rosstat's showcase, statistical yearbooks) list a hierarchy in one column:
 * the country, its federal districts indented under it, the regions under those; or all
 * activities, sections in capitals, subsections under them. Adding every row would count each
 * person two or three times, so one level per column is kept, the others are counted as
 * excluded rows. The level is the reader's suggestion (regions: the deepest; other columns: the
 * top level below a grand total) or the user's choice.
 */
export type HierarchyBy = 'indent' | 'numbering' | 'capitals';

export interface HierarchyLevel {
  level: number;
  rows: number;
  /** A few distinct values of the level, as written (without the indent). */
  examples: string[];
}

export interface ColumnHierarchy {
  column: string;
  by: HierarchyBy;
  levels: HierarchyLevel[];
  /** The level used unless another is chosen. */
  suggested: number;
}

const INDENT = /^[ \u00a0\u2002\u2003\t]+/;
const NUMBERING = /^(\d+(?:\.\d+)*)\.?\s+\S/;
/** Totals over every row of a column: "Всего", "Итого", "Total", "Всего по …". */
const TOTAL = /^(всего|итого|total|all)(?!\p{L})/iu;

function indentWidth(value: string): number {
  const lead = INDENT.exec(value)?.[0] ?? '';
  let width = 0;
  for (const ch of lead) width += ch === '\t' ? 4 : 1;
  return width;
}

/**
 * A section heading in capitals ("ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА"): words, not a code. Codes and
 * names are often written in capitals in plain tables ("RU-MOS", "ALPHA", "DE11"), and reading
 * them as headings would drop their rows, so a heading is two words of letters or one long word
 * ("СТРОИТЕЛЬСТВО"); and the region column is never split by capitals (exports indent regions).
 */
function isCapitals(value: string): boolean {
  if (value !== value.toUpperCase() || value === value.toLowerCase()) return false;
  const words = value.split(/[\s,]+/).filter(Boolean);
  const letterWords = words.filter((w) => /^\p{L}{2,}$/u.test(w));
  return letterWords.length >= 2 || (words.length === 1 && /^\p{L}{8,}$/u.test(words[0]));
}

/** The level of each value (row order), or undefined when the column shows no hierarchy. */
export function levelsOf(values: readonly string[], allowCapitals = true): { by: HierarchyBy; levels: number[] } | undefined {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length < 2) return undefined;
  const rank = (raw: number[]) => {
    const distinct = [...new Set(raw)].sort((a, b) => a - b);
    return raw.map((w) => distinct.indexOf(w));
  };
  const widths = values.map(indentWidth);
  if (new Set(filled.map(indentWidth)).size >= 2) return { by: 'indent', levels: rank(widths) };
  const numbered = values.map((v) => NUMBERING.exec(v.trim())?.[1].split('.').length);
  const withNumber = numbered.filter((n) => n !== undefined);
  if (withNumber.length >= 0.8 * filled.length && new Set(withNumber).size >= 2) return { by: 'numbering', levels: rank(numbered.map((n) => n ?? 0)) };
  if (!allowCapitals) return undefined;
  const caps = values.map((v) => (isCapitals(v.trim()) ? 0 : 1));
  const capsCount = filled.filter((v) => isCapitals(v.trim())).length;
  if (capsCount > 0 && capsCount < filled.length && !filled.every((v) => TOTAL.test(v.trim()) || !isCapitals(v.trim()))) return { by: 'capitals', levels: caps };
  return undefined;
}

/** The hierarchy of each named column that has one. `regionColumn` gets its deepest level suggested. */
export function tableHierarchies(table: DelimitedTable, columns: readonly string[], regionColumn?: string): ColumnHierarchy[] {
  const out: ColumnHierarchy[] = [];
  for (const column of columns) {
    const c = table.header.indexOf(column);
    if (c < 0) continue;
    const values = table.rows.map((r) => r[c] ?? '');
    const found = levelsOf(values, column !== regionColumn);
    if (!found) continue;
    const levels: HierarchyLevel[] = [];
    values.forEach((v, i) => {
      if (v.trim() === '') return;
      const l = found.levels[i];
      const entry = (levels[l] ??= { level: l, rows: 0, examples: [] });
      entry.rows++;
      const shown = v.trim();
      if (entry.examples.length < 3 && !entry.examples.includes(shown)) entry.examples.push(shown);
    });
    const present = levels.filter(Boolean);
    if (present.length < 2) continue;
    out.push({ column, by: found.by, levels: present, suggested: suggestLevel(present, values, found.levels, column === regionColumn) });
  }
  return out;
}

function suggestLevel(levels: HierarchyLevel[], values: string[], levelOf: number[], isRegion: boolean): number {
  if (isRegion) return levels[levels.length - 1].level;
  // The top level with several values that are not a grand total.
  for (const { level } of levels) {
    const distinct = new Set(values.filter((v, i) => levelOf[i] === level && v.trim() !== '' && !TOTAL.test(v.trim())).map((v) => v.trim()));
    if (distinct.size > 1) return level;
  }
  return levels[levels.length - 1].level;
}

/** Names of regions that are totals of others: a country, a federal district, an economic region, "Всего". */
const AGGREGATE_REGION = /^(российская федерация|россия|russian federation|всего|итого|total)$|федеральн\S* округ|federal district|экономическ\S* район/i;

export function isAggregateRegionName(name: string): boolean {
  return AGGREGATE_REGION.test(name.trim());
}

/**
 * The rows of one level per hierarchical column, with those columns' indents removed; in the
 * region column, also the rows named like totals of regions (a country, federal districts), except
 * the benchmark's. Every row left out is counted by reason.
 */
export function keepLevels(
  table: DelimitedTable,
  hierarchies: readonly ColumnHierarchy[],
  chosen: Readonly<Record<string, number>> = {},
  regionColumn?: string,
  benchmarkId?: string,
): { table: DelimitedTable; excluded: { reason: string; rows: number }[] } {
  const plans = hierarchies.map((h) => ({ c: table.header.indexOf(h.column), h, level: chosen[h.column] ?? h.suggested, levelOf: levelsOf(table.rows.map((r) => r[table.header.indexOf(h.column)] ?? ''))!.levels }));
  const region = regionColumn ? table.header.indexOf(regionColumn) : -1;
  const excluded = new Map<string, number>();
  const count = (reason: string) => excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const rows: string[][] = [];
  const lines: number[] = [];
  table.rows.forEach((row, i) => {
    for (const p of plans) {
      if ((row[p.c] ?? '').trim() !== '' && p.levelOf[i] !== p.level) {
        count(`"${p.h.column}" at hierarchy level ${p.levelOf[i] + 1}, not the level ${p.level + 1} used`);
        return;
      }
    }
    const out = plans.length > 0 ? row.slice() : row;
    for (const p of plans) out[p.c] = (out[p.c] ?? '').trim();
    if (region >= 0) {
      const name = out[region].trim();
      if (name !== benchmarkId && isAggregateRegionName(name)) {
        count(`aggregate region (a country, federal district or total), not a region: "${name}"`);
        return;
      }
    }
    rows.push(out);
    lines.push(table.lines[i]);
  });
  return { table: { ...table, rows, lines }, excluded: [...excluded].map(([reason, n]) => ({ reason, rows: n })) };
}
