/**
 * Appends `value` to the list `groups` holds under `key` (a new list, starting with `first` when
 * given, for a key not seen yet). In place: copying the list at every append made grouping
 * quadratic, which a file whose 200,000 features all share a mistake turned into minutes.
 */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, value: V, ...first: V[]): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [...first, value]);
}
