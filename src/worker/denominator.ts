import type { Category, StarRule } from '../model/dataset';

/**
 * U.S. Cluster Mapping measures LQ against traded employment only; when the categories carry a
 * `traded` group, the cmp rule uses that denominator. Every other rule uses all categories.
 */
export function lqDenominatorMask(categories: Category[], rule: StarRule): Uint8Array | undefined {
  if (rule.kind !== 'cmp' || !categories.some((c) => c.group === 'traded')) return undefined;
  return Uint8Array.from(categories, (c) => (c.group === 'traded' ? 1 : 0));
}
