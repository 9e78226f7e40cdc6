import { t } from '../i18n/i18n';

const SVG = 'http://www.w3.org/2000/svg';

export interface ChartBar {
  label: string;
  value: number;
  /** The value as the table writes it. */
  text: string;
  stars: number;
}

/**
 * A compact horizontal bar chart of LQ, built with DOM calls (names are text nodes, never markup).
 * Every bar carries its category name and value as text, and the dashed line marks LQ = 1, so the
 * chart reads without colour; starred categories are darker and carry their ★ too.
 */
export function lqBarChart(bars: ChartBar[]): SVGSVGElement {
  const rowHeight = 18;
  // Room for the longest label kept (Cyrillic glyphs are wider than Latin ones at the same size).
  const labelWidth = 196;
  const barWidth = 120;
  const valueWidth = 62;
  const width = labelWidth + barWidth + valueWidth;
  const top = 4;
  const height = top + bars.length * rowHeight + 4;
  const max = Math.max(2, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * barWidth;

  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'img', class: 'profile-chart' });
  svg.setAttribute('aria-label', t('profile.chartLabel', { n: bars.length }));
  const title = node('title', {});
  title.textContent = t('profile.chartTitle');
  svg.append(title);

  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const label = node('text', { x: String(labelWidth - 6), y: String(y + rowHeight - 5), 'text-anchor': 'end', class: 'chart-label' });
    label.textContent = truncate(bar.label, LABEL_CHARS);
    const full = node('title', {});
    full.textContent = bar.label;
    label.append(full);
    const rect = node('rect', {
      x: String(labelWidth),
      y: String(y + 3),
      width: String(Math.max(0, x(Number.isFinite(bar.value) ? bar.value : 0) - labelWidth)),
      height: String(rowHeight - 6),
      class: bar.stars > 0 ? 'chart-bar starred' : 'chart-bar',
    });
    const value = node('text', { x: String(labelWidth + barWidth + 4), y: String(y + rowHeight - 5), class: 'chart-value' });
    value.textContent = bar.stars > 0 ? `${bar.text} ${'★'.repeat(bar.stars)}` : bar.text;
    svg.append(label, rect, value);
  });
  const one = x(1);
  svg.append(node('line', { x1: String(one), x2: String(one), y1: '0', y2: String(height), class: 'chart-reference' }));
  return svg;
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Characters of a label kept: at 11 px a DejaVu Sans character is at most about 7.5 px wide (Ш, Ж, M, W). */
const LABEL_CHARS = 25;

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
