import { wordNote } from '../noteText';
import { el } from '../dom';
import { t } from '../../i18n/i18n';
import type { Formats } from '../format';
import { MATCH_BASES, type JoinMiss, type MissDetail } from '../../io/regionJoin';
import { joinReportCsv } from '../../io/joinReportCsv';
import type { TableReport } from '../../io/cubeBuilder';
import type { ImportResult } from '../../engine/import/importTypes';
import type { ManualFixes } from './manualFixes';
import { downloadText } from './download';
import { uid } from './formParts';

/** Reasons a user can fix by picking a region; aggregates and finer codes are not regions of this map. */
const FIXABLE = new Set<JoinMiss['reason']>(['not-on-map', 'ambiguous', 'taken', 'manual-unknown']);
const LISTED = 500;
/** A longer list starts folded, so the rest of the report stays in view. */
const OPEN_UP_TO = 30;

export interface JoinReportActions {
  /** The manual fixes changed: build again. */
  refix(): void;
}

/**
 * The join report of an import: how many regions matched and on what basis, which map regions
 * have no data, and every data region left out with its reason. Unmatched names can be matched by
 * hand (remembered for the session), the report downloaded as CSV and the fixes exported.
 */
export function joinReportView(result: ImportResult, fixes: ManualFixes, formats: Formats, actions: JoinReportActions): HTMLElement {
  const { join } = result;
  const { counts } = join;
  const n = formats.count;
  const basisText = MATCH_BASES.filter((b) => counts.byBasis[b] > 0)
    .map((b) => `${t(`import.basis.${b}`)}: ${n(counts.byBasis[b])}`)
    .join(', ');
  const fixer = el('div', { class: 'import-fixer', hidden: '' });
  const section = el(
    'section',
    { class: 'import-report', id: 'import-report', 'aria-labelledby': 'import-report-title' },
    el('h3', { id: 'import-report-title' }, t('import.report.title')),
    el(
      'ul',
      { class: 'import-counts' },
      el('li', { 'data-count': 'map' }, t('import.report.map', { n: n(counts.mapRegions), count: counts.mapRegions })),
      el('li', { 'data-count': 'data' }, t('import.report.data', { n: n(counts.dataRegions), count: counts.dataRegions })),
      el(
        'li',
        { 'data-count': 'matched' },
        t('import.report.matched', { n: n(counts.matched), count: counts.matched }),
        basisText ? ` (${basisText})` : '',
        ...MATCH_BASES.map((b) => el('data', { value: String(counts.byBasis[b]), 'data-basis': b, hidden: '' }, '')),
      ),
      el('li', { 'data-count': 'no-data' }, t('import.report.noData', { n: n(counts.noData), count: counts.noData })),
      el('li', { 'data-count': 'not-on-map' }, t('import.report.notOnMap', { n: n(counts.notOnMap), count: counts.notOnMap })),
    ),
    nutsAdviceNote(join.nuts?.advice),
    notesList(result),
    ...result.reports.map((r) => tableReportLine(r, formats)),
    notOnMapList(result, fixes, fixer, actions),
    fixer,
    noDataList(result),
    matchedList(result, fixes, actions),
    el(
      'div',
      { class: 'import-actions' },
      button(t('import.report.download'), 'download-report', () => downloadText(joinReportCsv(join), 'join-report.csv')),
      button(t('import.report.exportFixes', { n: fixes.size, count: fixes.size }), 'export-fixes', () => downloadText(fixes.toCsv(), 'manual-fixes.csv'), fixes.size === 0),
    ),
  );
  return section;
}

function button(label: string, action: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = el('button', { type: 'button', 'data-action': action }, label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function notesList(result: ImportResult): HTMLElement | null {
  const notes = [...result.notes];
  if (result.industry) {
    for (const u of result.industry.unmapped) notes.push(t('import.report.unmappedCode', { code: u.code, cells: u.cells, employment: u.employment }));
    if (result.industry.aggregates.length > 0) notes.push(t('import.report.aggregateCodes', { codes: result.industry.aggregates.map((a) => a.code).join(', ') }));
    notes.push(...result.industry.notes);
  }
  if (notes.length === 0) return null;
  return el('ul', { class: 'import-notes' }, ...notes.map((note) => el('li', {}, wordNote(note))));
}

/** Every row of the data file accounted for: used, not used (why), filtered out, missing, suppressed. */
function tableReportLine(report: TableReport, formats: Formats): HTMLElement {
  const n = formats.count;
  const items = [
    el('li', { 'data-rows': 'read' }, t('import.report.rows', { file: report.file, read: n(report.rowsRead), used: n(report.rowsUsed) })),
    report.unused.length > 0 ? el('li', { 'data-rows': 'unused' }, t('import.report.unused', { n: n(report.unused.length), examples: unusedExamples(report) })) : null,
    ...(report.excluded ?? []).map((x) => el('li', { 'data-rows': 'excluded' }, t('import.report.excluded', { n: n(x.rows), reason: x.reason }))),
    report.missingCells > 0 ? el('li', { 'data-rows': 'missing' }, t('import.report.missing', { n: n(report.missingCells) })) : null,
    report.suppressed
      ? el('li', { 'data-rows': 'suppressed' }, t('import.report.suppressed', { n: n(report.suppressed.cells), flags: Object.entries(report.suppressed.byFlag).map(([f, c]) => `${f}: ${c}`).join(', '), policy: report.suppressed.policy }))
      : null,
    ...report.notes.map((note) => el('li', {}, wordNote(note))),
  ];
  return el('ul', { class: 'import-rows' }, ...items);
}

function unusedExamples(report: TableReport): string {
  return report.unused
    .slice(0, 3)
    .map((u) => (u.line > 0 ? t('import.where.line', { line: u.line }) + ` — ${u.reason}` : u.reason))
    .join('; ');
}

function notOnMapList(result: ImportResult, fixes: ManualFixes, fixer: HTMLElement, actions: JoinReportActions): HTMLElement {
  // Those a user can fix first; totals and finer codes (not regions of this map) after them.
  const misses = [...result.join.notOnMap.filter((m) => FIXABLE.has(m.reason)), ...result.join.notOnMap.filter((m) => !FIXABLE.has(m.reason))];
  const rows = misses.slice(0, LISTED).map((m) => {
    const action = FIXABLE.has(m.reason)
      ? button(t('import.report.pick'), 'pick', () => openFixer(fixer, m, result, fixes, actions))
      : el('span', {}, '');
    action.setAttribute('data-region', m.dataId);
    action.setAttribute('aria-label', t('import.report.pickFor', { name: m.dataName }));
    return el(
      'tr',
      { 'data-miss': m.dataId },
      el('td', {}, m.dataName),
      el('td', { 'data-field': 'reason' }, t(`import.reason.${m.reason}`)),
      el('td', {}, explainMiss(m.explanation)),
      el('td', {}, action),
    );
  });
  return el(
    'details',
    { class: 'import-list', 'data-list': 'not-on-map', ...(misses.length > 0 && misses.length <= OPEN_UP_TO ? { open: '' } : {}) },
    el('summary', {}, t('import.report.notOnMapList', { n: misses.length, count: misses.length })),
    misses.length > LISTED ? el('p', {}, t('import.report.firstOnly', { n: LISTED })) : null,
    listTable([t('import.report.dataRegion'), t('import.report.reason'), t('import.report.detail'), t('import.report.fix')], rows),
  );
}

/** One picker for the row whose button was pressed: regions without data first, then every region. */
function openFixer(fixer: HTMLElement, miss: JoinMiss, result: ImportResult, fixes: ManualFixes, actions: JoinReportActions): void {
  const id = uid('import-fix');
  const withoutData = new Set(result.join.noData.map((r) => r.id));
  const option = (r: { id: string; name: string }) => el('option', { value: r.id }, r.name === r.id ? r.id : `${r.name} (${r.id})`);
  const select = el(
    'select',
    { id, 'data-import': 'fix-region' },
    el('option', { value: '' }, t('import.map.choose')),
    el('optgroup', { label: t('import.report.withoutData') }, ...result.mapRegions.filter((r) => withoutData.has(r.id)).map(option)),
    el('optgroup', { label: t('import.report.allRegions') }, ...result.mapRegions.filter((r) => !withoutData.has(r.id)).map(option)),
  );
  const current = fixes.get(miss.dataId);
  if (current && result.mapRegions.some((r) => r.id === current)) select.value = current;
  const apply = button(t('import.report.apply'), 'apply-fix', () => {
    if (select.value === '') return select.focus();
    fixes.set(miss.dataId, select.value);
    actions.refix();
  });
  const cancel = button(t('import.report.cancelFix'), 'cancel-fix', () => {
    fixer.hidden = true;
    fixer.replaceChildren();
  });
  fixer.replaceChildren(el('label', { for: id }, t('import.report.matchTo', { name: miss.dataName })), select, apply, cancel);
  fixer.hidden = false;
  select.focus();
}

function noDataList(result: ImportResult): HTMLElement {
  const regions = result.join.noData;
  return el(
    'details',
    { class: 'import-list', 'data-list': 'no-data' },
    el('summary', {}, t('import.report.noDataList', { n: regions.length, count: regions.length })),
    el('ul', { class: 'import-plain' }, ...regions.slice(0, LISTED).map((r) => el('li', {}, r.name === r.id ? r.id : `${r.name} (${r.id})`))),
  );
}

function matchedList(result: ImportResult, fixes: ManualFixes, actions: JoinReportActions): HTMLElement {
  const matched = result.join.matched;
  const rows = matched.slice(0, LISTED).map((m) =>
    el(
      'tr',
      { 'data-match': m.dataId },
      el('td', {}, m.dataName),
      el('td', {}, m.regionName === m.regionId ? m.regionId : `${m.regionName} (${m.regionId})`),
      el('td', { 'data-field': 'basis' }, t(`import.basis.${m.basis}`)),
      el('td', {}, m.basis === 'manual' ? button(t('import.report.undo'), 'undo-fix', () => undoFix(m.dataId, fixes, actions)) : ''),
    ),
  );
  return el(
    'details',
    { class: 'import-list', 'data-list': 'matched' },
    el('summary', {}, t('import.report.matchedList', { n: matched.length, count: matched.length })),
    listTable([t('import.report.dataRegion'), t('import.report.mapRegion'), t('import.report.basis'), ''], rows),
  );
}

/** A scrollable table of report rows under a header of column names. */
function listTable(header: string[], rows: HTMLTableRowElement[]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll' },
    el('table', { class: 'import-table' }, el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows)),
  );
}

function undoFix(dataId: string, fixes: ManualFixes, actions: JoinReportActions): void {
  fixes.delete(dataId);
  actions.refix();
}

/** The miss's explanation in the interface's language (the io layer's English `detail` is for the CLI and CSV). */
function explainMiss(detail: MissDetail): string {
  switch (detail.key) {
    case 'taken':
      return t('import.detail.taken', { ...detail, basis: t(`import.basis.${detail.basis}`), ownerBasis: t(`import.basis.${detail.ownerBasis}`) });
    case 'aggregate':
      return t('import.detail.aggregate', { n: detail.count, examples: detail.examples });
    default:
      return t(`import.detail.${detail.key}`, detail);
  }
}

/** Most codes of the table belong to another NUTS version than the boundaries: say which, and what fits. */
function nutsAdviceNote(advice: NonNullable<ImportResult['join']['nuts']>['advice']): HTMLElement | null {
  if (!advice) return null;
  const text = t('data.nuts.advice', { ...advice });
  return el('p', { class: 'notice', 'data-field': 'nuts-advice' }, advice.boundaries ? `${text} ${t('data.nuts.adviceShipped', { boundaries: advice.boundaries })}` : text);
}
