import type { CellDetails } from '../engine/cellDetails';
import type { Formats } from './format';
import { el } from './dom';
import { starsContent } from './starsText';
import { t } from '../i18n/i18n';

/**
 * The region × category tooltip (`role="tooltip"`, a stable contract for tests). Follows the
 * pointer on hover; a click pins it with a close button.
 */
export class Tooltip {
  readonly element: HTMLElement;
  private pinnedRegion: string | undefined;
  onClose: () => void = () => {};

  constructor(private readonly container: HTMLElement) {
    this.element = el('div', { id: 'tooltip', role: 'tooltip', class: 'tooltip', hidden: '' });
    container.append(this.element);
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
    this.element.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    this.element.hidden = false;
    this.element.classList.toggle('pinned', pin);
    this.place(point);
  }

  hide(force = false): void {
    if (this.pinnedRegion !== undefined && !force) return;
    this.pinnedRegion = undefined;
    this.element.hidden = true;
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
