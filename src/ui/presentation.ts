/**
 * Presenting and embedding: the interface hidden, the map with a large title card and legend.
 *
 * - The title card sits on the map and repeats the legend's heading (so the title always names
 *   what the map shows, whatever the mode), the dataset, and the synthetic-data warning when the
 *   data is made up (the screen must always say so, with or without the header).
 * - Presentation mode steps through saved views (src/state/savedViews.ts) with the arrow keys;
 *   Escape leaves. A view is shown by replacing the URL hash, so it goes through exactly the same
 *   validation and migration as a shared link.
 * - Embed mode (`?embed=1`) is the same layout without the stepping, with a link to the full app.
 * - A slide has a caption (plain text, shown large under the title) and the bounds of its regions:
 *   each slide is fitted to the screen it is shown on, with room left for the title card.
 * - The deck travels: "Copy deck link" puts every slide into `#deck=…` (src/state/deck.ts), and the
 *   deck downloads and opens as a JSON file; bad slides are left out with a notice.
 */
import './presentation.css';
import { el } from './dom';
import { modalDialog, textButton, textLine } from './dialog';
import { fullPageUrl } from './shareLinks';
import { t } from '../i18n/i18n';
import { MAX_SAVED_VIEWS, SavedViews, type SavedView } from '../state/savedViews';
import { deckFileText, encodeDeck, readDeckFile, type Bounds, type DecodedDeck } from '../state/deck';
import { InputError } from '../io/errors';

/** The overlay on the map: title, dataset, warning, and a slot for presentation controls. */
export class TitleCard {
  readonly element: HTMLElement;
  private readonly title = el('h2', { class: 'title-card-title' });
  private readonly subtitle = el('p', { class: 'title-card-subtitle' });
  private readonly notice = el('p', { class: 'title-card-notice', 'data-i18n': 'app.synthetic', hidden: '' }, t('app.synthetic'));
  private readonly caption = el('p', { class: 'title-card-caption', id: 'title-card-caption', hidden: '' });
  readonly controls = el('div', { class: 'title-card-controls' });

  constructor(mapContainer: HTMLElement, private readonly legend: HTMLElement) {
    this.element = el('section', { class: 'title-card', id: 'title-card', tabindex: '-1', 'aria-labelledby': 'title-card-title' }, this.title, this.caption, this.subtitle, this.notice, this.controls);
    this.title.id = 'title-card-title';
    mapContainer.append(this.element);
    new MutationObserver(() => this.sync()).observe(legend, { childList: true, subtree: true, characterData: true });
    this.sync();
  }

  setDataset(title: string, synthetic: boolean): void {
    this.subtitle.textContent = title;
    this.notice.hidden = !synthetic;
  }

  /** The presenter's caption, as text (line breaks kept by CSS); empty hides it. */
  setCaption(text: string | undefined): void {
    this.caption.textContent = text ?? '';
    this.caption.hidden = !text;
  }

  /** The legend's heading: what the map currently shows. */
  currentTitle(): string {
    return this.legend.querySelector('h2')?.textContent ?? '';
  }

  private sync(): void {
    this.title.textContent = this.currentTitle();
  }
}

/** `?embed=1`: the map alone with the title card and a way out to the full app. */
export function enterEmbedMode(card: TitleCard): void {
  document.body.classList.add('chromeless', 'embedded');
  const link = el('a', { class: 'title-card-open', href: fullPageUrl(location.href), target: '_blank', rel: 'noopener', 'data-i18n': 'share.openFull' }, t('share.openFull'));
  // The hash changes with the view: take the current one at the moment of the click.
  const refresh = () => (link.href = fullPageUrl(location.href));
  link.addEventListener('pointerdown', refresh);
  link.addEventListener('focus', refresh);
  link.addEventListener('click', refresh);
  card.controls.append(link);
}

export interface PresentationOptions {
  toolbar: HTMLElement;
  card: TitleCard;
  views: SavedViews;
  /** The current view as a hash to save (without the language), or undefined before the first draw. */
  captureHash(): string | undefined;
  /** The regions to fit a slide to: the pinned region's, else those in sight. */
  captureBounds(): Bounds | undefined;
  /** Shows a saved view (by its hash). */
  show(hash: string): void;
  /** Fits the map to a slide's regions, leaving `padding` (CSS pixels) free on each side. */
  fit(bounds: Bounds, padding: { top: number; right: number; bottom: number; left: number }): void;
  /** What to call the deck's file. */
  fileStem(): string;
  announce(text: string): void;
}

export class Presentation {
  private index = 0;
  private active = false;
  /** The shown slide's bounds: fitted again when the title card or the legend changes size under it. */
  private slideBounds: [number, number, number, number] | undefined;
  private readonly layoutWatch = new ResizeObserver(() => this.refit());
  private inFullscreen = false;
  private readonly list = el('ol', { class: 'saved-views', id: 'saved-views' });
  private readonly empty = textLine('present.empty', { class: 'help' });
  private readonly dialogStatus = el('p', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  private readonly dialog: HTMLDialogElement;
  private readonly openButton: HTMLButtonElement;
  private readonly counter = el('span', { class: 'present-counter', 'aria-live': 'polite' });
  private readonly nav: HTMLElement;

  private views: SavedViews;
  /** The browser's own list for this dataset (what `views` is unless a deck from a link or file is shown). */
  private stored: SavedViews;
  private readonly keep: HTMLButtonElement;
  private pendingNote = '';

  constructor(private readonly options: PresentationOptions) {
    this.views = options.views;
    this.stored = options.views;
    this.keep = textButton('layout.deck.keep', { id: 'deck-keep', hidden: '' });
    this.keep.addEventListener('click', () => this.keepDeck());
    this.openButton = textButton('present.open', { id: 'present-open', 'aria-haspopup': 'dialog' });
    options.toolbar.append(this.openButton);
    const save = textButton('present.save', { id: 'present-save' });
    const start = textButton('present.start', { id: 'present-start', class: 'primary' });
    const copyDeck = textButton('atlas.deck.copyLink', { id: 'deck-copy-link' });
    const downloadDeck = textButton('atlas.deck.download', { id: 'deck-download' });
    const fileInput = el('input', { type: 'file', id: 'deck-file', accept: '.json,application/json', class: 'visually-hidden', tabindex: '-1', 'aria-label': t('atlas.deck.openFile') });
    const openDeck = textButton('atlas.deck.openFile', { id: 'deck-open-file' });
    openDeck.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) void this.importFile(file);
    });
    this.dialog = modalDialog(
      'present-dialog',
      'present.heading',
      textLine('present.help', { class: 'help' }),
      this.list,
      this.empty,
      el('div', { class: 'dialog-actions' }, save, start),
      el('div', { class: 'dialog-actions deck-actions' }, copyDeck, downloadDeck, openDeck, this.keep, fileInput),
      this.dialogStatus,
    );
    copyDeck.addEventListener('click', () => void this.copyDeckLink());
    downloadDeck.addEventListener('click', () => this.downloadDeck());

    const previous = textButton('present.previous', { class: 'present-prev' });
    const next = textButton('present.next', { class: 'present-next' });
    const exit = textButton('present.exit', { class: 'present-exit' });
    this.nav = el('div', { class: 'present-nav', hidden: '' }, previous, this.counter, next, exit, textLine('present.keys', { class: 'present-keys' }));
    options.card.controls.append(this.nav);

    this.openButton.addEventListener('click', () => {
      // What opening a deck from a link said stays readable until the list is first seen.
      this.dialogStatus.textContent = this.pendingNote;
      this.pendingNote = '';
      this.renderList();
      this.dialog.showModal();
    });
    save.addEventListener('click', () => this.save());
    start.addEventListener('click', () => {
      this.dialog.close();
      void this.start();
    });
    previous.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    exit.addEventListener('click', () => this.stop());
    this.views.onChange(() => this.renderList());
    window.addEventListener('keydown', (event) => this.onKey(event), { capture: true });
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && this.inFullscreen) {
        // Escape in full screen is taken by the browser: leaving full screen leaves the presentation.
        this.inFullscreen = false;
        this.stop();
      }
    });
    this.reportDropped();
  }

  /** The saved views of another dataset. */
  setViews(views: SavedViews): void {
    this.stored = views;
    this.show(views);
  }

  private show(views: SavedViews): void {
    this.stop();
    this.views = views;
    this.views.onChange(() => this.renderList());
    this.keep.hidden = views === this.stored;
    this.renderList();
    this.reportDropped();
  }

  /**
   * "Keep this deck": a deck opened from a link or a file joins the browser's saved views for this
   * dataset (after the ones already there, up to the list's limit), and that list is shown again.
   */
  private keepDeck(): void {
    const deck = this.views.list();
    const room = MAX_SAVED_VIEWS - this.stored.list().length;
    this.stored.replace([...this.stored.list(), ...deck.slice(0, Math.max(0, room))]);
    this.show(this.stored);
    const notes = [t('layout.deck.kept', { n: Math.min(deck.length, Math.max(0, room)) })];
    if (room < deck.length) notes.push(t('layout.deck.keptFull', { n: deck.length - Math.max(0, room), max: MAX_SAVED_VIEWS }));
    if (!this.stored.persistent) notes.push(t('layout.deck.notStored'));
    this.dialogStatus.textContent = notes.join(' ');
    this.options.announce(notes.join(' '));
  }

  /** A deck from a link or a file: shown as this page's list (the browser's own list is kept as it was). */
  openDeck(deck: DecodedDeck, source: string): void {
    const views = new SavedViews(undefined, '');
    views.replace(deck.slides.map((s) => ({ hash: s.hash, label: s.title ?? '', caption: s.caption, bounds: s.bounds })));
    this.show(views);
    const notes = [t('atlas.deck.opened', { n: deck.slides.length, source })];
    if (deck.newer) notes.push(t('link.newerVersion'));
    if (deck.dropped.length > 0) notes.push(t('atlas.deck.dropped', { n: deck.dropped.length, list: deck.dropped.map((d) => `${d.slide} (${d.problem})`).join('; ') }));
    this.options.announce(notes.join(' '));
    this.dialogStatus.textContent = notes.join(' ');
    if (!this.dialog.open) this.pendingNote = notes.join(' ');
  }

  private slides() {
    return this.views.list().map((v) => ({ hash: v.hash, caption: v.caption ?? '', title: v.label || undefined, bounds: v.bounds }));
  }

  /** The deck's link: this page with the deck in place of the view. */
  deckLink(): string {
    return `${location.origin}${location.pathname}${location.search}${encodeDeck(this.slides())}`;
  }

  private async copyDeckLink(): Promise<void> {
    const link = this.deckLink();
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      /* refused: the link is shown below to copy by hand */
    }
    this.dialogStatus.replaceChildren(
      t(copied ? 'atlas.deck.copied' : 'atlas.deck.copyManual', { n: this.views.list().length }),
      el('input', { type: 'text', readonly: '', class: 'share-field', id: 'deck-link', value: link, 'aria-label': t('atlas.deck.linkLabel') }),
    );
  }

  private downloadDeck(): void {
    const blob = new Blob([deckFileText(this.slides())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const name = `${this.options.fileStem()}.deck.json`;
    const link = el('a', { href: url, download: name, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.dialogStatus.textContent = t('export.done', { file: name });
  }

  private async importFile(file: File): Promise<void> {
    try {
      this.openDeck(readDeckFile(await file.text(), file.name), file.name);
    } catch (error) {
      this.dialogStatus.textContent = t('atlas.deck.badFile', { message: error instanceof InputError ? error.message : String((error as Error).message) });
    }
  }

  private reportDropped(): void {
    if (this.views.dropped > 0) this.options.announce(t('present.dropped', { n: this.views.dropped }));
  }

  get presenting(): boolean {
    return this.active;
  }

  async start(): Promise<void> {
    this.active = true;
    this.index = 0;
    document.body.classList.add('chromeless', 'presenting');
    this.nav.hidden = false;
    const views = this.views.list();
    this.updateCounter();
    this.options.card.element.focus();
    if (views.length > 0) this.showSlide(views[0]);
    try {
      if (document.fullscreenEnabled && !document.fullscreenElement) {
        await document.documentElement.requestFullscreen();
        this.inFullscreen = true;
      }
    } catch {
      /* full screen refused (e.g. in a frame): the presentation still fills the window */
    }
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.slideBounds = undefined;
    this.layoutWatch.disconnect();
    document.body.classList.remove('presenting');
    if (!document.body.classList.contains('embedded')) document.body.classList.remove('chromeless');
    this.nav.hidden = true;
    this.options.card.setCaption(undefined);
    if (this.inFullscreen && document.fullscreenElement) {
      this.inFullscreen = false;
      void document.exitFullscreen().catch(() => undefined);
    }
    this.openButton.focus();
  }

  private step(delta: number): void {
    const views = this.views.list();
    const to = Math.min(views.length - 1, Math.max(0, this.index + delta));
    if (views.length === 0 || to === this.index) return;
    this.index = to;
    this.updateCounter();
    this.showSlide(views[to]);
  }

  private showSlide(view: SavedView): void {
    this.options.card.setCaption(view.caption);
    const bounds = view.bounds;
    this.slideBounds = bounds;
    this.layoutWatch.disconnect();
    // The card takes the new caption and the legend the new classes after the slide's results arrive:
    // the free part of the map is known only then.
    if (bounds) for (const element of [this.options.card.element, document.getElementById('legend')?.closest('.panel')]) if (element) this.layoutWatch.observe(element);
    // The page applies the slide's hash (its camera included) at once; the fit waits for the card's layout.
    this.options.show(view.hash);
    if (bounds) requestAnimationFrame(() => this.active && this.slideBounds === bounds && this.options.fit(bounds, this.freeArea(bounds)));
  }

  private refit(): void {
    const bounds = this.slideBounds;
    if (bounds && this.active) requestAnimationFrame(() => this.active && this.slideBounds === bounds && this.options.fit(bounds, this.freeArea(bounds)));
  }

  /**
   * Padding that keeps the title card (top-left) and the legend (bottom-left) off the regions: of the
   * ways round them — under the card and above the legend, under the card and beside the legend,
   * beside the card — the one where the slide's regions come out largest (for a wide slide under the
   * card, for a tall one beside it; on a phone the legend takes a third of the height).
   */
  freeArea(bounds?: [number, number, number, number]): { top: number; right: number; bottom: number; left: number } {
    const map = this.options.card.element.parentElement!.getBoundingClientRect();
    const card = this.options.card.element.getBoundingClientRect();
    const panel = document.getElementById('legend')?.closest<HTMLElement>('.panel')?.getBoundingClientRect();
    const legend = panel && panel.width > 0 && panel.height > 0 ? panel : undefined;
    const margin = 16;
    const under = Math.max(margin, card.bottom - map.top + margin);
    const candidates = [
      { top: under, right: margin, bottom: Math.max(margin + 24, legend ? map.bottom - legend.top + margin : 0), left: margin },
      { top: under, right: margin, bottom: margin + 24, left: Math.max(margin, legend ? legend.right - map.left + margin : 0) },
      { top: margin, right: margin, bottom: margin + 24, left: card.right - map.left + margin },
    ];
    // Width over height of the slide's box in Web Mercator (the map's projection).
    const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
    const aspect = bounds ? ((bounds[2] - bounds[0]) * Math.PI) / 180 / Math.max(1e-9, mercator(bounds[3]) - mercator(bounds[1])) : 1;
    // The height the slide's box gets when fitted in what a candidate leaves free.
    const size = (p: (typeof candidates)[number]) => Math.min(Math.max(0, map.width - p.left - p.right) / aspect, Math.max(0, map.height - p.top - p.bottom));
    return candidates.reduce((best, c) => (size(c) > size(best) ? c : best));
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.active || event.altKey || event.ctrlKey || event.metaKey) return;
    const onButton = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
    const views = this.views.list().length;
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.step(1),
      ArrowDown: () => this.step(1),
      PageDown: () => this.step(1),
      ArrowLeft: () => this.step(-1),
      ArrowUp: () => this.step(-1),
      PageUp: () => this.step(-1),
      Home: () => this.step(-this.index),
      End: () => this.step(views - 1 - this.index),
      Escape: () => this.stop(),
    };
    if (!onButton) actions[' '] = () => this.step(1);
    const action = actions[event.key];
    if (!action) return;
    // The map must not pan on the arrow keys while they turn the pages.
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  private updateCounter(): void {
    const n = this.views.list().length;
    this.counter.textContent = n > 0 ? `${this.index + 1} / ${n}` : '';
  }

  private save(): void {
    const hash = this.options.captureHash();
    if (!hash) return;
    const views = this.views;
    if (!views.add({ hash, label: this.options.card.currentTitle(), bounds: this.options.captureBounds() })) {
      this.dialogStatus.textContent = t('present.full', { n: MAX_SAVED_VIEWS });
      return;
    }
    const n = views.list().length;
    this.dialogStatus.textContent = t('present.saved', { n }) + (views.persistent ? '' : ` ${t('present.notPersistent')}`);
  }

  private renderList(): void {
    const views = this.views;
    const items = views.list().map((view, i) => {
      const open = el('button', { type: 'button', class: 'saved-view-open' }, view.label || view.hash);
      open.addEventListener('click', () => {
        this.dialog.close();
        this.options.show(view.hash);
      });
      const captionId = `slide-caption-${i}`;
      const caption = el('textarea', { id: captionId, class: 'slide-caption', rows: '2', maxlength: '500' });
      caption.value = view.caption ?? '';
      // Saved on every keystroke, without re-rendering the list (the field keeps focus).
      caption.addEventListener('input', () => views.setCaption(i, caption.value, true));
      const captionLabel = el('label', { for: captionId, class: 'slide-caption-label' }, t('atlas.deck.caption', { n: i + 1 }));
      const up = el('button', { type: 'button', class: 'icon', 'aria-label': t('present.up'), title: t('present.up') }, '↑');
      up.disabled = i === 0;
      up.addEventListener('click', () => views.move(i, -1));
      const down = el('button', { type: 'button', class: 'icon', 'aria-label': t('present.down'), title: t('present.down') }, '↓');
      down.disabled = i === views.list().length - 1;
      down.addEventListener('click', () => views.move(i, 1));
      const remove = el('button', { type: 'button', class: 'icon', 'aria-label': t('present.remove'), title: t('present.remove') }, '✕');
      remove.addEventListener('click', () => views.remove(i));
      return el('li', {}, el('div', { class: 'saved-view-row' }, open, el('span', { class: 'saved-view-actions' }, up, down, remove)), captionLabel, caption);
    });
    this.list.replaceChildren(...items);
    this.empty.hidden = items.length > 0;
  }
}
