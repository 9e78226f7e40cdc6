/**
 * Views saved for a presentation, kept in localStorage per dataset (not in the URL): they are the
 * presenter's working set on one machine, and keeping them out of the hash keeps every shared
 * link short. Each view is stored as its URL hash, so it is validated and migrated by the same
 * code as a link when it is shown (a deck saved today still opens after the format moves on).
 */
export interface SavedView {
  /** A URL hash as `formatHash` writes it (without the language: the presenter's choice wins). */
  hash: string;
  /** What the view showed when it was saved (the legend's title), shown as text. */
  label: string;
}

export const MAX_SAVED_VIEWS = 50;
const FORMAT = 'cluster-atlas-saved-views';
const MAX_TEXT = 4000;

export function savedViewsKey(datasetUrl: string): string {
  return `${FORMAT}:${datasetUrl}`;
}

/** The list and its persistence; without working storage it lives for the page only. */
export class SavedViews {
  private views: SavedView[] = [];
  private readonly listeners = new Set<() => void>();
  /** Entries found in storage that were not readable (counted, never silently dropped). */
  readonly dropped: number = 0;
  /** False when the browser refused storage (private mode, quota, policy). */
  persistent = true;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
    private readonly key: string,
  ) {
    let raw: string | null = null;
    try {
      raw = storage ? storage.getItem(key) : null;
      if (!storage) this.persistent = false;
    } catch {
      this.persistent = false;
    }
    if (raw === null) return;
    const { views, dropped } = readStored(raw);
    this.views = views;
    this.dropped = dropped;
  }

  list(): readonly SavedView[] {
    return this.views;
  }

  /** Adds a view at the end; false when the list is full. */
  add(view: SavedView): boolean {
    if (this.views.length >= MAX_SAVED_VIEWS) return false;
    this.views = [...this.views, { hash: view.hash.slice(0, MAX_TEXT), label: view.label.slice(0, MAX_TEXT) }];
    this.changed();
    return true;
  }

  remove(index: number): void {
    if (index < 0 || index >= this.views.length) return;
    this.views = this.views.filter((_, i) => i !== index);
    this.changed();
  }

  /** Moves a view one place up (-1) or down (+1). */
  move(index: number, delta: -1 | 1): void {
    const to = index + delta;
    if (index < 0 || index >= this.views.length || to < 0 || to >= this.views.length) return;
    const next = [...this.views];
    [next[index], next[to]] = [next[to], next[index]];
    this.views = next;
    this.changed();
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    if (this.storage && this.persistent) {
      try {
        this.storage.setItem(this.key, JSON.stringify({ format: FORMAT, version: 1, views: this.views }));
      } catch {
        this.persistent = false;
      }
    }
    for (const listener of this.listeners) listener();
  }
}

function readStored(raw: string): { views: SavedView[]; dropped: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { views: [], dropped: 1 };
  }
  const entries = (parsed as { format?: unknown; views?: unknown })?.views;
  if ((parsed as { format?: unknown })?.format !== FORMAT || !Array.isArray(entries)) return { views: [], dropped: 1 };
  const views: SavedView[] = [];
  let dropped = 0;
  for (const entry of entries) {
    const { hash, label } = (entry ?? {}) as Record<string, unknown>;
    if (typeof hash === 'string' && typeof label === 'string' && hash.startsWith('#') && hash.length <= MAX_TEXT && views.length < MAX_SAVED_VIEWS) {
      views.push({ hash, label: label.slice(0, MAX_TEXT) });
    } else dropped++;
  }
  return { views, dropped };
}
