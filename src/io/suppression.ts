/**
 * Suppressed cells as in the U.S. Census Bureau's County Business Patterns: where employment is
 * withheld (to avoid disclosing a business, or below publication standards) the file gives a
 * letter for its size class instead (column EMPFLAG, with EMP set to 0). The ranges are those of
 * the CBP record layouts; there is no D. Under the `midpoint` policy a cell becomes the middle of
 * its class read as a half-open interval of whole jobs (A = 0–19 is [0, 20) → 10, B → 60, C → 175,
 * …, L → 75,000), the convention of the U.S. Cluster Mapping Project; M is open-ended (100,000 or
 * more) and becomes its lower bound, 100,000. Under
 * `missing` it becomes NaN ("not reported"). Either way every such cell is counted per letter.
 */
export type SuppressionPolicy = 'missing' | 'midpoint';

export const CBP_EMPLOYMENT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  A: [0, 19],
  B: [20, 99],
  C: [100, 249],
  E: [250, 499],
  F: [500, 999],
  G: [1000, 2499],
  H: [2500, 4999],
  I: [5000, 9999],
  J: [10000, 24999],
  K: [25000, 49999],
  L: [50000, 99999],
  M: [100000, Infinity],
};

export interface SuppressionReport {
  policy: SuppressionPolicy;
  cells: number;
  byFlag: Record<string, number>;
}

/** The flag letter (upper case) when the cell is one, else undefined. */
export function suppressionFlag(cell: string): string | undefined {
  const flag = cell.trim().toUpperCase();
  return flag.length === 1 && flag in CBP_EMPLOYMENT_RANGES ? flag : undefined;
}

export function suppressedValue(flag: string, policy: SuppressionPolicy): number {
  const range = CBP_EMPLOYMENT_RANGES[flag.toUpperCase()];
  if (!range) throw new RangeError(`unknown suppression flag "${flag}"`);
  if (policy === 'missing') return NaN;
  return Number.isFinite(range[1]) ? (range[0] + range[1] + 1) / 2 : range[0];
}

/** Counts one suppressed cell in the report (creating its section) and returns its value. */
export function countSuppressed(report: { suppressed?: SuppressionReport }, flag: string, policy: SuppressionPolicy): number {
  const section = (report.suppressed ??= { policy, cells: 0, byFlag: {} });
  section.cells++;
  section.byFlag[flag] = (section.byFlag[flag] ?? 0) + 1;
  return suppressedValue(flag, policy);
}
