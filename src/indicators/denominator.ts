/**
 * Which categories form the LQ denominator: all of them, or one group (U.S. Cluster Mapping
 * measures LQ against `traded` employment).
 */
import type { Category } from '../model/dataset';

/** `undefined` means all categories. Throws when no category belongs to the named group. */
export function denominatorMask(categories: readonly Category[], group: string | undefined): Uint8Array | undefined {
  if (group === undefined || group === 'all') return undefined;
  const mask = Uint8Array.from(categories, (c) => (c.group === group ? 1 : 0));
  if (!mask.includes(1)) {
    const groups = [...new Set(categories.map((c) => c.group).filter((g) => g !== undefined))];
    throw new RangeError(
      `no category is in the group "${group}"` +
        (groups.length ? ` (groups present: ${groups.join(', ')})` : ' (the categories carry no groups)'),
    );
  }
  return mask;
}

/** The default denominator of a rule: `traded` under cmp when such a group exists, else all. */
export function defaultDenominator(categories: readonly Category[], ruleKind: string): string {
  return ruleKind === 'cmp' && categories.some((c) => c.group === 'traded') ? 'traded' : 'all';
}
