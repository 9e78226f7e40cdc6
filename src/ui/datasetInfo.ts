import type { LoadedDataset } from '../worker/protocol';
import type { Formats } from './format';
import { el } from './dom';

/** Title, attribution and what was joined or left out: the user sees every row that was not used. */
export function renderDatasetInfo(container: HTMLElement, dataset: LoadedDataset, formats: Formats): void {
  const { manifest, join, reports } = dataset;
  const n = formats.count;
  const items: (HTMLElement | null)[] = [
    el('h2', {}, 'About this dataset'),
    manifest.description ? el('p', {}, manifest.description) : null,
    el('p', { class: 'attribution' }, manifest.attribution),
    manifest.licence ? el('p', {}, `Licence: ${manifest.licence}`) : null,
    el('h2', {}, 'Join report'),
    el(
      'ul',
      { id: 'join-report' },
      el('li', { 'data-count': 'map' }, `${n(join.mapFeatures)} regions on the map`),
      el('li', { 'data-count': 'matched' }, `${n(join.matched)} matched with data`),
      el('li', { 'data-count': 'without-data' }, `${n(join.regionsWithoutData.length)} without data`),
      el('li', { 'data-count': 'not-on-map' }, `${n(join.dataRegionsNotOnMap.length)} data regions not on the map`),
    ),
  ];
  for (const report of reports) {
    items.push(
      el(
        'p',
        {},
        `${report.file}: ${n(report.rowsRead)} rows read, ${n(report.rowsUsed)} used, ${n(report.unused.length)} not used, ${n(report.missingCells)} cells not reported.`,
      ),
    );
    for (const note of report.notes) items.push(el('p', {}, note));
  }
  container.replaceChildren(...items.filter((x): x is HTMLElement => x !== null));
}
