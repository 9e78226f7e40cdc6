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
  /** The presenter's caption, shown large on the slide (plain text). */
  caption?: string;
  /** West, south, east, north: the regions the slide is fitted to on any screen. */
  bounds?: [number, number, number, number];
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
    this.views = [...this.views, trimmed(view)];
    this.changed();
    return true;
  }

  /** `quiet`: stored without telling listeners (the field being typed in stays as it is). */
  setCaption(index: number, caption: string, quiet = false): void {
    if (index < 0 || index >= this.views.length) return;
    this.views = this.views.map((v, i) => (i === index ? { ...v, caption: caption.slice(0, MAX_TEXT) } : v));
    this.changed(quiet);
  }

  /** Replaces the whole list (a deck opened from a link or a file); extra views past the limit are cut. */
  replace(views: readonly SavedView[]): void {
    this.views = views.slice(0, MAX_SAVED_VIEWS).map(trimmed);
    this.changed();
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

  private changed(quiet = false): void {
    if (this.storage && this.persistent) {
      try {
        this.storage.setItem(this.key, JSON.stringify({ format: FORMAT, version: 1, views: this.views }));
      } catch {
        this.persistent = false;
      }
    }
    if (!quiet) for (const listener of this.listeners) listener();
  }
}

function trimmed(view: SavedView): SavedView {
  const out: SavedView = { hash: view.hash.slice(0, MAX_TEXT), label: view.label.slice(0, MAX_TEXT) };
  if (view.caption) out.caption = view.caption.slice(0, MAX_TEXT);
  if (view.bounds) out.bounds = view.bounds;
  return out;
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
    const { hash, label, caption, bounds } = (entry ?? {}) as Record<string, unknown>;
    if (typeof hash === 'string' && typeof label === 'string' && hash.startsWith('#') && hash.length <= MAX_TEXT && views.length < MAX_SAVED_VIEWS) {
      const view: SavedView = { hash, label: label.slice(0, MAX_TEXT) };
      // Views saved before captions have neither field; both are optional.
      if (typeof caption === 'string' && caption) view.caption = caption.slice(0, MAX_TEXT);
      if (Array.isArray(bounds) && bounds.length === 4 && bounds.every((x) => typeof x === 'number' && Number.isFinite(x))) view.bounds = bounds as SavedView['bounds'];
      views.push(view);
    } else dropped++;
  }
  return { views, dropped };
}
