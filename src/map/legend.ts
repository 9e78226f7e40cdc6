import type { Classes } from './classify';
import { NO_DATA_COLOUR } from './classify';
import { t } from '../i18n/i18n';

/** Draws the legend from the same Classes the layer is coloured with, so the two cannot disagree. */
export function renderLegend(container: HTMLElement, title: string, classes: Classes, formatCount: (n: number) => string): void {
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
  row(NO_DATA_COLOUR, t('legend.noData'), classes.noData, 'nodata');
  container.replaceChildren(heading, list);
}
