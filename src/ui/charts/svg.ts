/**
 * Small SVG helpers for the dashboard and linked views: elements made with createElementNS and
 * text set with textContent (data names never pass through HTML parsing).
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The points of a line through the finite values (gaps where a value is missing). */
export function linePath(values: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** A sparkline: a small line of values over years, with its last value dotted; decorative (values are in the table's text). */
export function sparkline(values: ArrayLike<number>, width = 80, height = 22, reference?: number): SVGSVGElement {
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'sparkline', 'aria-hidden': 'true', focusable: 'false' });
  const finite = Array.from(values).filter(Number.isFinite);
  if (finite.length === 0) return svg;
  let lo = Math.min(...finite, reference ?? Infinity);
  let hi = Math.max(...finite, reference ?? -Infinity);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 2;
  const x = (i: number) => pad + (values.length > 1 ? (i / (values.length - 1)) * (width - 2 * pad) : (width - 2 * pad) / 2);
  const y = (v: number) => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
  if (reference !== undefined) svg.append(svgEl('line', { x1: pad, x2: width - pad, y1: y(reference), y2: y(reference), class: 'sparkline-reference' }));
  svg.append(svgEl('path', { d: linePath(values, x, y), class: 'sparkline-line' }));
  for (let i = values.length - 1; i >= 0; i--) {
    if (Number.isFinite(values[i])) {
      svg.append(svgEl('circle', { cx: x(i), cy: y(values[i]), r: 2, class: 'sparkline-dot' }));
      break;
    }
  }
  return svg;
}
