import { el } from './dom';

/** A definition list of labelled values; `data-fact` names each value for tests and styling. */
export function factList(facts: [key: string, label: string, value: string][]): HTMLDListElement {
  return el('dl', { class: 'facts' }, ...facts.flatMap(([key, label, value]) => [el('dt', {}, label), el('dd', { 'data-fact': key }, value)]));
}

/** Indices between 0 and a few (HHI, Gini, Moran's I): four decimals, so small values stay visible. */
export function formatIndex(value: number, locale: string): string {
  return Number.isFinite(value) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value) : '—';
}
