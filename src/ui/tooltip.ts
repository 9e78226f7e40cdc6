import type { CellDetails } from '../engine/cellDetails';
import type { Formats } from './format';
import { el } from './dom';
import { starsContent } from './starsText';
import { t } from '../i18n/i18n';

/** Screens where a pinned region's details go in a card across the map's foot, not beside the pointer. */
const CARD_SCREEN = '(max-width: 720px), (hover: none)';

/**
 * The region × category tooltip (`role="tooltip"`, a stable contract for tests). Follows the
 * pointer on hover; a click pins it with a close button. On a phone (or any screen without hover)
 * a pinned region is shown in a details card instead: the same facts, never clipped by the map's
 * edge, with a button that opens the region's profile.
 */
export class Tooltip {
  readonly element: HTMLElement;
  /** The details card of a tapped region (phones, touch screens). */
  readonly card: HTMLElement;
  private pinnedRegion: string | undefined;
  onClose: () => void = () => {};
  onOpenProfile: (regionId: string) => void = () => {};

  constructor(private readonly container: HTMLElement) {
    this.element = el('div', { id: 'tooltip', role: 'tooltip', class: 'tooltip', hidden: '' });
    this.card = el('section', { id: 'region-card', class: 'region-card', hidden: '' });
    container.append(this.element, this.card);
  }

  /** True where a tap shows the card (the second tap on the same region opens its profile). */
  get cardScreen(): boolean {
    return matchMedia(CARD_SCREEN).matches;
  }

  get pinned(): string | undefined {
    return this.pinnedRegion;
  }

  show(
    content: {
      regionId: string;
      regionName: string;
      categoryName: string;
      year?: number;
      details?: CellDetails;
      flags?: { codes: string; text: string };
      /** What a LISA, Gi* or change map shows for the region (the map's colour in words). */
      mapValue?: { label: string; value: string };
      /** What the employment figures count (e.g. thousand persons), shown beside their label. */
      unit?: string;
    },
    point: { x: number; y: number },
    formats: Formats,
    pin = false,
  ): void {
    this.pinnedRegion = pin ? content.regionId : undefined;
    const { details } = content;
    const rows: [string, string, string][] = details
      ? [
          ['employment', t('tooltip.employment'), formats.count(details.employment)],
          ...(details.establishments !== undefined
            ? ([['establishments', t('tooltip.establishments'), formats.count(details.establishments)]] as [string, string, string][])
            : []),
          ['lq', t('tooltip.lq'), formats.lq(details.lq)],
          ['focus', t('tooltip.focus'), formats.share(details.focus)],
          ['size', t('tooltip.size'), formats.share(details.size)],
        ]
      : [];
    const parts = [
      el('div', { class: 'tooltip-head' }, el('strong', { 'data-field': 'region' }, content.regionName), pin ? this.closeButton() : null),
      el('div', { class: 'tooltip-category', 'data-field': 'category' }, content.categoryName, content.year ? ` · ${content.year}` : ''),
      content.mapValue
        ? el('p', { class: 'tooltip-map-value' }, `${content.mapValue.label}: `, el('strong', { 'data-field': 'map-value' }, content.mapValue.value))
        : null,
      details
        ? el('dl', {}, ...rows.flatMap(([field, label, value]) => [el('dt', {}, label, field === 'employment' ? unitNote(content.unit) : null), el('dd', { 'data-field': field }, value)]))
        : el('p', { class: 'tooltip-nodata' }, t('tooltip.noData')),
      details ? starsLine(details) : null,
      content.flags ? el('p', { class: 'tooltip-flags', 'data-field': 'flags', 'data-flags': content.flags.codes }, content.flags.text) : null,
    ];
    const shown = parts.filter((p): p is HTMLElement => p !== null);
    if (pin && this.cardScreen) {
      this.element.hidden = true;
      const heading = shown[0].querySelector('strong')!;
      heading.id = 'region-card-title';
      const open = el('button', { type: 'button', class: 'region-card-open', 'data-action': 'profile' }, t('layout.card.profile'));
      open.addEventListener('click', () => this.onOpenProfile(content.regionId));
      this.card.setAttribute('aria-labelledby', heading.id);
      this.card.replaceChildren(...shown, el('div', { class: 'region-card-actions' }, open));
      this.card.hidden = false;
      return;
    }
    this.card.hidden = true;
    this.element.replaceChildren(...shown);
    this.element.hidden = false;
    this.element.classList.toggle('pinned', pin);
    this.place(point);
  }

  hide(force = false): void {
    if (this.pinnedRegion !== undefined && !force) return;
    this.pinnedRegion = undefined;
    this.element.hidden = true;
    this.card.hidden = true;
  }

  private closeButton(): HTMLButtonElement {
    const button = el('button', { type: 'button', class: 'tooltip-close', 'aria-label': t('tooltip.close') }, '×');
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      this.hide(true);
      this.onClose();
    });
    return button;
  }

  private place(point: { x: number; y: number }): void {
    const { width, height } = this.container.getBoundingClientRect();
    const box = this.element.getBoundingClientRect();
    const x = point.x + 16 + box.width > width ? point.x - 16 - box.width : point.x + 16;
    const y = point.y + 16 + box.height > height ? Math.max(4, point.y - 16 - box.height) : point.y + 16;
    this.element.style.transform = `translate(${Math.max(4, x)}px, ${y}px)`;
  }
}

function unitNote(unit: string | undefined): HTMLElement | null {
  return unit ? el('span', { class: 'unit' }, ', ', el('span', { 'data-field': 'unit' }, unit)) : null;
}

function starsLine(details: CellDetails): HTMLElement {
  return el('p', { class: 'tooltip-stars', 'data-field': 'stars', 'data-stars': String(details.starCount) }, ...starsContent(details));
}
