import type { LoadedDataset } from '../engine/types';
import type { Formats } from './format';
import { el } from './dom';
import { t } from '../i18n/i18n';
import { unitLabel } from './units';

/** Title, attribution and what was joined or left out: the user sees every row that was not used. */
export function renderDatasetInfo(container: HTMLElement, dataset: LoadedDataset, formats: Formats): void {
  const { manifest, join, reports } = dataset;
  const n = formats.count;
  const items: (HTMLElement | null)[] = [
    el('h2', {}, t('info.about')),
    manifest.description ? el('p', {}, manifest.description) : null,
    unitLabel(manifest) ? el('p', { 'data-field': 'unit' }, t('data.info.unit', { unit: unitLabel(manifest)! })) : null,
    manifest.period ? el('p', {}, t('data.info.period', { period: manifest.period })) : null,
    manifest.source ? el('p', { 'data-field': 'source' }, t('data.info.source', { source: manifest.source })) : null,
    el('p', { class: 'attribution' }, manifest.attribution),
    nonIndustryNotice(manifest.nonIndustry),
    manifest.licence ? el('p', {}, t('info.licence', { licence: manifest.licence })) : null,
    el('h2', {}, t('info.join')),
    el(
      'ul',
      { id: 'join-report' },
      el('li', { 'data-count': 'map' }, t('info.mapRegions', { n: n(join.mapFeatures), count: join.mapFeatures })),
      el('li', { 'data-count': 'matched' }, t('info.matched', { n: n(join.matched) })),
      el('li', { 'data-count': 'without-data' }, t('info.withoutData', { n: n(join.regionsWithoutData.length) })),
      el('li', { 'data-count': 'not-on-map' }, t('info.notOnMap', { n: n(join.dataRegionsNotOnMap.length) })),
    ),
  ];
  for (const report of reports) {
    items.push(
      el(
        'p',
        {},
        t('info.rows', {
          file: report.file,
          read: n(report.rowsRead),
          used: n(report.rowsUsed),
          unused: n(report.unused.length),
          missing: n(report.missingCells),
        }),
      ),
    );
    for (const note of report.notes) items.push(el('p', {}, note));
  }
  container.replaceChildren(...items.filter((x): x is HTMLElement => x !== null));
}

/** The codes a pack left out as not industries, named on screen so that their absence is explained. */
function nonIndustryNotice(codes: LoadedDataset['manifest']['nonIndustry']): HTMLElement | null {
  if (!codes || codes.length === 0) return null;
  const list = codes
    .map((c) => t(`data.nonIndustry.${c.reason}`, { code: c.name !== c.id ? `${c.id} (${c.name})` : c.id, parts: (c.parts ?? []).join(', ') }))
    .join('; ');
  return el('p', { class: 'note', 'data-field': 'non-industry' }, t('data.info.nonIndustry', { list }));
}
