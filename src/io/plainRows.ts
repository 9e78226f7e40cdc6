import { hasControlCharacter } from './cubeBuilder';
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

/** What `PlainSlots.resolve` needs of the cube builder (its slots for new ids). */
interface SlotSource {
  categorySlot(category: string, line: number): number;
  regionSlot(region: string, line: number): number;
}

/**
 * A plain row's region and category slots by the scanner's key numbers (one array lookup each
 * for ids seen before), as the general path makes them: the category first, the region only
 * when the category is kept. Shared by the readers whose rows name both (long, year columns).
 */
export class PlainSlots {
  private readonly regions = new KeySlots();
  private readonly categories = new KeySlots();
  /** Set by `resolve`: the row's slots (category -1: not in the categories table, recorded; region then unset). */
  region = NO_SLOT;
  category = NO_SLOT;

  /**
   * False (nothing recorded) for a new id holding a control character: the general path refuses
   * it, naming it. A category not in the categories table is recorded `times` times (once per
   * cell the general path would have tried).
   */
  resolve(builder: SlotSource, regionKey: number, categoryKey: number, names: readonly string[], line: number, times = 1): boolean {
    let c = this.categories.get(categoryKey);
    let r = this.regions.get(regionKey);
    if ((c === NO_SLOT && hasControlCharacter(names[categoryKey])) || (r === NO_SLOT && hasControlCharacter(names[regionKey]))) return false;
    if (c === NO_SLOT) {
      c = builder.categorySlot(names[categoryKey], line);
      if (c < 0) {
        for (let k = 1; k < times; k++) builder.categorySlot(names[categoryKey], line);
        this.category = c;
        return true;
      }
      this.categories.set(categoryKey, c);
    }
    if (r === NO_SLOT) {
      r = builder.regionSlot(names[regionKey], line);
      this.regions.set(regionKey, r);
    }
    this.category = c;
    this.region = r;
    return true;
  }
}
