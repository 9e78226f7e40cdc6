import { PLAIN_DIGITS, PLAIN_KEY, type PlainRows } from './delimitedScanner';

/**
 * The columns of a reader's plain rows: `keys` and `digits` list the columns read as ids and as
 * counts, each one's cell going to that list's index in `keys` / `values`. Undefined when a
 * column is asked for as both (a mapping naming one column twice): such a table is read the general way.
 */
export function plainColumns(width: number, keys: readonly number[], digits: readonly number[]): Pick<PlainRows, 'kinds' | 'at' | 'keys' | 'values'> | undefined {
  const kinds = new Uint8Array(width);
  const at = new Int32Array(width);
  const place = (columns: readonly number[], kind: number) => {
    for (const [i, c] of columns.entries()) {
      if (c < 0 || c >= width || (kinds[c] !== 0 && (kinds[c] !== kind || at[c] !== i))) return false;
      kinds[c] = kind;
      at[c] = i;
    }
    return true;
  };
  if (!place(keys, PLAIN_KEY) || !place(digits, PLAIN_DIGITS)) return undefined;
  return { kinds, at, keys: new Int32Array(keys.length), values: new Float64Array(digits.length) };
}

/** What `KeySlots.get` gives for a key not seen yet (slots are ≥ -1: -1 is the benchmark region). */
export const NO_SLOT = -2;

/** Slots by the scanner's key numbers (dense from 0): a growable array, NO_SLOT where unset. */
export class KeySlots {
  private slots = new Int32Array(1024).fill(NO_SLOT);

  get(key: number): number {
    return key < this.slots.length ? this.slots[key] : NO_SLOT;
  }

  set(key: number, slot: number): void {
    if (key >= this.slots.length) {
      const grown = new Int32Array(Math.max(key + 1, this.slots.length * 2)).fill(NO_SLOT);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[key] = slot;
  }
}

/**
 * Plain rows that are only counted: every column skipped, every row taken. For a pass that checks
 * a file as the readers would (field counts, quotes) but keeps nothing of its rows; any row that
 * is not plain still goes through the general scan and its errors.
 */
export function countedRows(width: number): PlainRows {
  return { kinds: new Uint8Array(width), at: new Int32Array(width), keys: new Int32Array(0), values: new Float64Array(0), row: () => true };
}
