import { referenceValues, type RadiusScale } from './symbols';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The proportional symbols' key: two or three nested reference circles (round values, radii from
 * the map's own scale) with their values and the unit, under the colour legend. Text only.
 */
export function renderSizeLegend(legend: HTMLElement, scale: RadiusScale | undefined, title: string, format: (v: number) => string): void {
  legend.querySelector('.size-legend')?.remove();
  if (!scale || scale.k === 0) return;
  const values = referenceValues(scale.maxValue);
  const big = scale.radius(values[0]);
  const labelX = 2 * big + 10;
  const height = Math.ceil(2 * big + 4);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(labelX + 90));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  const bottom = height - 2;
  const texts: string[] = [];
  // Values a line apart at least, however close the circles' tops.
  let lastY = -Infinity;
  for (const v of values) {
    const r = scale.radius(v);
    const circle = document.createElementNS(SVG, 'circle');
    circle.setAttribute('cx', String(big + 1));
    circle.setAttribute('cy', String(bottom - r));
    circle.setAttribute('r', String(r));
    circle.dataset.value = String(v);
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('x1', String(big + 1));
    line.setAttribute('x2', String(labelX - 2));
    line.setAttribute('y1', String(bottom - 2 * r));
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(labelX));
    const y = Math.max(10, bottom - 2 * r + 4, lastY + 12);
    lastY = y;
    text.setAttribute('y', String(y));
    line.setAttribute('y2', String(y - 4));
    text.textContent = format(v);
    texts.push(format(v));
    svg.append(circle, line, text);
  }
  // Room for the last value when the values were pushed apart below the circles.
  svg.setAttribute('height', String(Math.max(height, Math.ceil(lastY + 3))));
  svg.setAttribute('aria-label', `${title}: ${texts.join(', ')}`);
  const heading = document.createElement('p');
  heading.className = 'size-legend-title';
  heading.textContent = title;
  const box = document.createElement('div');
  box.className = 'size-legend';
  box.append(heading, svg);
  legend.append(box);
}
