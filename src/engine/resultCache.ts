/**
 * Indicator results by year and rule, kept in the worker so that switching back to a year or rule,
 * a change map (two years) or a LISA of another category costs no recompute. Bounded by cells: a
 * result stores a byte a cell (its star bits, and under cmp its strong-cluster bits; its LQ and
 * shares are derived from the cube's own employment), so a 100,000 × 100 table keeps a dozen
 * results, as the demo does.
 */
import { ruleText, type StarRule } from '../model/dataset';
import type { IndicatorResult } from '../indicators/types';

/** About 130 MB of per-cell arrays (a byte a cell) in all. */
const CELL_BUDGET = 130_000_000;
const MAX_ENTRIES = 16;

export function ruleKey(yearIndex: number, rule: StarRule): string {
  return `${yearIndex}|${ruleText(rule)}`;
}

export class ResultCache<T = IndicatorResult> {
  private readonly entries = new Map<string, T>();
  readonly capacity: number;

  constructor(cellsPerResult: number) {
    this.capacity = Math.max(1, Math.min(MAX_ENTRIES, Math.floor(CELL_BUDGET / Math.max(1, cellsPerResult))));
  }

  get(key: string, make: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
