import { el } from './dom';

/** Plain-text notes under the legend (test statistics, caveats of the current map). */
export function showLegendNotes(legend: HTMLElement, notes: readonly string[]): void {
  legend.querySelector('.legend-notes')?.remove();
  if (notes.length) legend.append(el('ul', { class: 'legend-notes' }, ...notes.map((note) => el('li', {}, note))));
}
