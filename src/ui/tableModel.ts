/**
 * Sorting, searching and paging of region tables (the category ranking and the data table), kept
 * apart from the DOM so the order rules are unit-tested: missing values (NaN) always sort last,
 * whichever the direction; text compares by the UI language's collation; equal keys keep their
 * original order, so a ranking by stars keeps the previous order within each star count.
 */
export type SortDirection = 'asc' | 'desc';
export type SortValue = number | string;

/**
 * Row indices in sorted order: by the first key, ties by the next, all in one direction
 * (e.g. stars, then LQ). Missing values (NaN) of a key go last.
 */
export function sortedOrder(n: number, keys: ReadonlyArray<(row: number) => SortValue>, direction: SortDirection, locale = 'en'): number[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const columns = keys.map((key) => Array.from({ length: n }, (_, i) => key(i)));
  const sign = direction === 'asc' ? 1 : -1;
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => {
    for (const column of columns) {
      const d = compareKeys(column[a], column[b], sign, collator);
      if (d !== 0) return d;
    }
    return a - b;
  });
}

function compareKeys(ka: SortValue, kb: SortValue, sign: number, collator: Intl.Collator): number {
  const missingA = typeof ka === 'number' && Number.isNaN(ka);
  const missingB = typeof kb === 'number' && Number.isNaN(kb);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const d = typeof ka === 'string' || typeof kb === 'string' ? collator.compare(String(ka), String(kb)) : ka - kb;
  return sign * d;
}

/** Folds case, diacritics and ё so that "quebec" finds "Québec" and "орел" finds "Орёл". */
export function foldForSearch(text: string): string {
  return text
    .replace(/[ёЁ]/g, 'е')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Rows whose name contains the query, best first: names starting with it, then names with a word
 * starting with it, then the rest; within each group the given order is kept.
 */
export function searchRows(order: readonly number[], name: (row: number) => string, query: string): number[] {
  const q = foldForSearch(query);
  if (q === '') return [...order];
  const starts: number[] = [];
  const wordStarts: number[] = [];
  const contains: number[] = [];
  for (const row of order) {
    const folded = foldForSearch(name(row));
    const at = folded.indexOf(q);
    if (at < 0) continue;
    if (at === 0) starts.push(row);
    else if (folded.includes(` ${q}`)) wordStarts.push(row);
    else contains.push(row);
  }
  return [...starts, ...wordStarts, ...contains];
}

/** Rows whose (already folded) name contains the query, in the given order. */
export function filterRows(order: readonly number[], foldedName: (row: number) => string, query: string): number[] {
  const q = foldForSearch(query);
  return q === '' ? [...order] : order.filter((row) => foldedName(row).includes(q));
}

export interface Page {
  /** 0-based page, clamped to what exists. */
  page: number;
  pages: number;
  /** Row positions [start, end) of the page. */
  start: number;
  end: number;
}

/** `size` may be Infinity: one page of everything. */
export function pageOf(total: number, page: number, size: number): Page {
  if (!Number.isFinite(size)) return { page: 0, pages: 1, start: 0, end: total };
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: p, pages, start: p * size, end: Math.min(total, (p + 1) * size) };
}
