import { el } from './dom';
import { t } from '../i18n/i18n';
import type { View } from '../state/store';

/**
 * What is drawn over the choropleth: circles sized by employment (src/map/symbols.ts) and the
 * names of the larger places (src/map/placeLabels.ts, on unless turned off). Each
 * toggle reports a partial View; the page owns the view and redraws.
 */
export class OverlayControls {
  readonly element: HTMLFieldSetElement;
  private readonly legend = el('legend');
  private readonly symbols = el('input', { id: 'overlay-symbols', type: 'checkbox' });
  private readonly symbolsText = el('span');
  private readonly labels = el('input', { id: 'overlay-labels', type: 'checkbox' });
  private readonly labelsText = el('span');

  constructor(onChange: (change: Partial<View>) => void) {
    this.element = el('fieldset', { class: 'map-overlays', id: 'map-overlays' }, this.legend, el('label', {}, this.symbols, this.symbolsText), el('label', {}, this.labels, this.labelsText));
    this.labels.addEventListener('change', () => onChange({ labels: this.labels.checked ? undefined : false }));
    this.symbols.addEventListener('change', () => onChange({ symbols: this.symbols.checked || undefined }));
    this.relabel();
  }

  show(view: View): void {
    this.symbols.checked = view.symbols === true;
    this.labels.checked = view.labels !== false;
  }

  relabel(): void {
    this.legend.textContent = t('atlas.carto.overlays');
    this.symbolsText.textContent = t('atlas.carto.symbols');
    this.labelsText.textContent = t('atlas.carto.labels');
  }
}
