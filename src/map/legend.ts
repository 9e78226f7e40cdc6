import type { Classes } from './classify';
import { NO_DATA_COLOUR } from './classify';
import { t } from '../i18n/i18n';

/**
 * Map regions drawn in the "no data" grey: the dataset's regions on the map without a value, and
 * the map's features no data row names (unmatched). Data regions not on the map are not drawn.
 */
export function greyRegionCount(values: ArrayLike<number>, regionIds: readonly string[], notOnMap: ReadonlySet<string>, featuresWithoutData: number): number {
  let n = featuresWithoutData;
  for (let r = 0; r < values.length; r++) if (Number.isNaN(values[r]) && !notOnMap.has(regionIds[r])) n++;
  return n;
}

/** Draws the legend from the same Classes the layer is coloured with, so the two cannot disagree. */
export function renderLegend(
  container: HTMLElement,
  title: string,
  classes: Classes,
  formatCount: (n: number) => string,
  /** Regions drawn grey (greyRegionCount); the classes' own no-data count when absent. */
  grey?: number,
): void {
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ul');
  list.className = 'legend-classes';
  const row = (colour: string, label: string, count: number, kind: string) => {
    const item = document.createElement('li');
    item.dataset.kind = kind;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    const text = document.createElement('span');
    text.className = 'legend-label';
    text.textContent = label;
    const n = document.createElement('span');
    n.className = 'legend-count';
    n.textContent = formatCount(count);
    n.title = t('legend.countTitle');
    item.append(swatch, text, n);
    list.append(item);
  };
  classes.colours.forEach((colour, i) => row(colour, classes.labels[i], classes.counts[i], 'class'));
  row(NO_DATA_COLOUR, t('legend.noData'), grey ?? classes.noData, 'nodata');
  const parts: HTMLElement[] = [heading, list];
  if (classes.fewer) {
    const { asked, distinct } = classes.fewer;
    const shown = classes.colours.length;
    const note = document.createElement('p');
    note.className = 'legend-fewer';
    note.setAttribute('role', 'note');
    note.textContent = t(distinct < asked ? 'layout.legend.fewerDistinct' : 'layout.legend.fewer', { shown, asked, distinct });
    parts.push(note);
  }
  container.replaceChildren(...parts);
}
