import { el } from './dom';
import { t } from '../i18n/i18n';
import type { View } from '../state/store';

/**
 * What is drawn over the choropleth: circles sized by employment (src/map/symbols.ts). Each
 * toggle reports a partial View; the page owns the view and redraws.
 */
export class OverlayControls {
  readonly element: HTMLFieldSetElement;
  private readonly legend = el('legend');
  private readonly symbols = el('input', { id: 'overlay-symbols', type: 'checkbox' });
  private readonly symbolsText = el('span');

  constructor(onChange: (change: Partial<View>) => void) {
    this.element = el('fieldset', { class: 'map-overlays', id: 'map-overlays' }, this.legend, el('label', {}, this.symbols, this.symbolsText));
    this.symbols.addEventListener('change', () => onChange({ symbols: this.symbols.checked || undefined }));
    this.relabel();
  }

  show(view: View): void {
    this.symbols.checked = view.symbols === true;
  }

  relabel(): void {
    this.legend.textContent = t('atlas.carto.overlays');
    this.symbolsText.textContent = t('atlas.carto.symbols');
  }
}
