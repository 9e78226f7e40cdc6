import { el } from './dom';
import { t, type MessageKey } from '../i18n/i18n';

/**
 * Panels as sheets on small screens. The layout itself is CSS (the "Screen layout" block of
 * style.css): on a phone both panels are bottom sheets over the map, on a tablet the regions panel
 * is a drawer over the map's right edge. This module gives each panel its handle (tap to expand or
 * collapse, swipe up or down), keeps `aria-expanded` true to what is shown, closes on Escape and,
 * while a sheet covers the map (a phone), makes the rest of the page inert so focus stays inside.
 * On a wide screen the handles are hidden and the panels are plain columns.
 */
export type SheetLayout = 'wide' | 'tablet' | 'phone';

/** Widths (CSS pixels) where the layout changes; style.css uses the same numbers in its media queries. */
export const PHONE_MAX = 720;
export const TABLET_MAX = 1120;

interface Sheet {
  root: HTMLElement;
  handle: HTMLButtonElement;
  labelKey: MessageKey;
  /** Which layouts show this panel as a sheet (elsewhere it is a column). */
  sheetIn: SheetLayout[];
}

export class Sheets {
  private readonly sheets: Sheet[] = [];
  private readonly phone = matchMedia(`(max-width: ${PHONE_MAX}px)`);
  private readonly tablet = matchMedia(`(max-width: ${TABLET_MAX}px)`);
  private returnFocus: HTMLElement | undefined;

  /** Holds the handles: a bar at the foot of the screen on a phone, a tab on the drawer's edge on a tablet. */
  readonly bar = el('div', { class: 'sheet-bar' });

  constructor(private readonly page: HTMLElement[]) {
    const relayout = () => {
      for (const sheet of this.sheets) if (!this.isSheet(sheet)) this.set(sheet, false, false);
      this.updateInert();
    };
    // Escape closes the open sheet wherever focus is (a page inside the panel, a profile, closes first and
    // marks the event handled); the document hears it last.
    document.addEventListener('keydown', (event) => {
      const open = this.sheets.find((s) => this.isOpen(s) && this.isSheet(s));
      if (event.key !== 'Escape' || !open || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      this.set(open, false);
    });
    this.phone.addEventListener('change', relayout);
    this.tablet.addEventListener('change', relayout);
  }

  get layout(): SheetLayout {
    return this.phone.matches ? 'phone' : this.tablet.matches ? 'tablet' : 'wide';
  }

  /** Makes `root` a sheet in the given layouts, with a handle named by `labelKey`. */
  add(root: HTMLElement, labelKey: MessageKey, sheetIn: SheetLayout[]): void {
    root.classList.add('sheet');
    root.dataset.sheetIn = sheetIn.join(' ');
    if (!root.id) throw new Error('a sheet needs an id for its handle');
    const handle = el('button', { type: 'button', class: 'sheet-handle', 'aria-controls': root.id, 'aria-expanded': 'false' });
    const sheet: Sheet = { root, handle, labelKey, sheetIn };
    this.sheets.push(sheet);
    // The handle sits outside the panel, so it stays on screen (and focusable) while the panel is closed.
    handle.dataset.for = root.id;
    this.bar.append(handle);
    this.relabelOne(sheet);
    handle.addEventListener('click', () => {
      if (swiped) {
        swiped = false;
        return;
      }
      this.set(sheet, !this.isOpen(sheet));
    });
    // Swipe: a vertical drag on the handle of 30 px or more opens (up) or closes (down) the sheet.
    let start: { y: number; id: number } | undefined;
    let swiped = false;
    handle.addEventListener('pointerdown', (event) => {
      start = { y: event.clientY, id: event.pointerId };
    });
    handle.addEventListener('pointerup', (event) => {
      if (!start || start.id !== event.pointerId) return;
      const dy = event.clientY - start.y;
      start = undefined;
      if (Math.abs(dy) < 30) return;
      swiped = true;
      this.set(sheet, dy < 0);
    });
    const keys = (event: KeyboardEvent) => {
      if (event.key === 'Tab') this.wrapTab(sheet, event);
    };
    root.addEventListener('keydown', keys);
    handle.addEventListener('keydown', keys);
  }

  /** A modal sheet keeps Tab inside: handle first, then the panel's controls, then round again. */
  private wrapTab(sheet: Sheet, event: KeyboardEvent): void {
    if (this.layout !== 'phone' || !this.isOpen(sheet)) return;
    const inside = [...sheet.root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
      (e) => !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0,
    );
    const ring = [sheet.handle, ...inside];
    const at = ring.indexOf(document.activeElement as HTMLElement);
    // The ring is walked here, not by the browser: the handle sits after the panel in the document.
    if (at < 0) return;
    event.preventDefault();
    ring[(at + (event.shiftKey ? -1 : 1) + ring.length) % ring.length].focus();
  }

  /** Opens the sheet holding `root` (e.g. when a region's profile is asked for from the map). */
  open(root: HTMLElement): void {
    const sheet = this.sheets.find((s) => s.root === root);
    if (sheet && this.isSheet(sheet) && !this.isOpen(sheet)) this.set(sheet, true);
  }

  relabel(): void {
    for (const sheet of this.sheets) this.relabelOne(sheet);
  }

  private relabelOne(sheet: Sheet): void {
    sheet.handle.textContent = t(sheet.labelKey);
    sheet.handle.title = t(this.isOpen(sheet) ? 'layout.sheet.collapse' : 'layout.sheet.expand');
  }

  private isSheet(sheet: Sheet): boolean {
    return sheet.sheetIn.includes(this.layout);
  }

  private isOpen(sheet: Sheet): boolean {
    return sheet.root.classList.contains('open');
  }

  /** Opens or closes a sheet; only one is open at a time. */
  private set(sheet: Sheet, open: boolean, moveFocus = true): void {
    if (open) for (const other of this.sheets) if (other !== sheet && this.isOpen(other)) this.set(other, false, false);
    const was = this.isOpen(sheet);
    sheet.root.classList.toggle('open', open);
    sheet.handle.setAttribute('aria-expanded', String(open));
    this.relabelOne(sheet);
    this.updateInert();
    if (!moveFocus || was === open || !this.isSheet(sheet)) return;
    if (open) {
      this.returnFocus = document.activeElement instanceof HTMLElement && !sheet.root.contains(document.activeElement) ? document.activeElement : undefined;
      sheet.handle.focus();
    } else if (sheet.root.contains(document.activeElement) || document.activeElement === document.body || document.activeElement === sheet.handle) {
      (this.returnFocus?.isConnected ? this.returnFocus : sheet.handle).focus();
      this.returnFocus = undefined;
    }
  }

  /** On a phone an open sheet is modal: everything else on the page is inert (no focus, no clicks). */
  private updateInert(): void {
    const modal = this.layout === 'phone' ? this.sheets.find((s) => this.isOpen(s)) : undefined;
    for (const element of this.page) element.inert = modal !== undefined && element !== modal.root;
    for (const sheet of this.sheets) {
      sheet.root.inert = modal !== undefined && sheet !== modal;
      sheet.handle.inert = modal !== undefined && sheet !== modal;
    }
  }
}
