import { el } from '../dom';
import { t, type MessageKey } from '../../i18n/i18n';
import { FEATURE_ID } from '../../io/boundaries';
import { DEFAULT_TOTAL_CODES } from '../../io/eurostatCube';
import { TABLE_LAYOUTS, type FileSummary, type ImportChoices, type ReadOptions, type TableChoice } from '../../engine/import/importTypes';
import { encodingLabel, isTextEncoding, TEXT_ENCODINGS } from '../../io/textDecoding';
import { TEXT_KINDS } from '../../io/inputKind';
import { defaultTableChoice, wideColumns } from './importSetup';
import { checkboxField, checkboxGroup, numberField, selectField, textField, textTable, type Option } from './formParts';

type Update = (change: (choices: ImportChoices) => ImportChoices) => void;
/** Reads a file again with other read options (encoding, sheet). */
export type Reread = (file: string, options: ReadOptions) => void;

const none = (): Option => ({ value: '', label: t('import.map.none') });
const columns = (header: string[]): Option[] => header.map((h) => ({ value: h, label: h }));

/**
 * The column-mapping step: which property identifies the regions, which columns (or Eurostat
 * dimensions, or JSON measure) hold what, and how the join works. Everything starts from the
 * reader's guesses and every choice is a native, labelled control.
 */
export function mappingForm(choices: ImportChoices, summaryOf: (key: string) => FileSummary | undefined, update: Update, reread: Reread = () => {}): HTMLElement {
  const boundaries = summaryOf(choices.boundaries.key);
  const employment = summaryOf(choices.employment.key);
  return el(
    'div',
    { class: 'import-mapping' },
    boundaries?.boundaries ? boundaryFields(boundaries, choices, update) : null,
    employment ? employmentFields(employment, choices, update, reread) : null,
    joinFields(choices, update),
  );
}

function boundaryFields(summary: FileSummary, choices: ImportChoices, update: Update): HTMLElement {
  const b = summary.boundaries!;
  const labelled = (p: string) => ({ value: p, label: b.samples[p]?.length ? `${p} (${b.samples[p].join(', ')}…)` : p });
  const idOptions: Option[] = [{ value: '', label: t('import.map.idAuto') }, ...b.properties.map(labelled)];
  if (b.idProperty === FEATURE_ID) idOptions.push({ value: FEATURE_ID, label: t('import.map.featureId') });
  return el(
    'fieldset',
    { class: 'import-group', 'data-group': 'boundaries' },
    el('legend', {}, t('import.map.boundaries', { file: summary.name, n: b.features, count: b.features })),
    selectField('id-property', t('import.map.idProperty'), idOptions, choices.boundaries.idProperty ?? '', (v) =>
      update((c) => ({ ...c, boundaries: { ...c.boundaries, idProperty: v || undefined } })),
    ),
    selectField('name-property', t('import.map.nameProperty'), [none(), ...b.properties.map(labelled)], choices.boundaries.nameProperty ?? '', (v) =>
      update((c) => ({ ...c, boundaries: { ...c.boundaries, nameProperty: v || undefined } })),
    ),
  );
}

function employmentFields(summary: FileSummary, choices: ImportChoices, update: Update, reread: Reread): HTMLElement {
  const e = choices.employment;
  const setEmployment = (change: Partial<ImportChoices['employment']>) => update((c) => ({ ...c, employment: { ...c.employment, ...change } }));
  const parts: (HTMLElement | null)[] = [el('legend', {}, t('import.map.employment', { file: summary.name })), ...readingFields(summary, reread)];
  if (summary.table) parts.push(...tableFields(summary, e.table ?? defaultTableChoice(summary)!, (table) => setEmployment({ table })));
  if (summary.eurostat) parts.push(...eurostatFields(summary, e.eurostat ?? { filters: {} }, (eurostat) => setEmployment({ eurostat })));
  if (summary.json) parts.push(...jsonFields(summary, e.json ?? {}, (json) => setEmployment({ json })));
  const hasYear = (summary.table && e.table?.layout !== 'years' && e.table?.year) || summary.eurostat;
  if (!hasYear) parts.push(numberField('year', t('import.map.year'), e.year, (year) => setEmployment({ year }), t('import.map.yearHint')));
  if (summary.table) {
    parts.push(
      selectField(
        'suppression',
        t('import.map.suppression'),
        [
          { value: '', label: t('import.map.suppressionNone') },
          { value: 'missing', label: t('import.map.suppressionMissing') },
          { value: 'midpoint', label: t('import.map.suppressionMidpoint') },
        ],
        e.suppression ?? '',
        (v) => setEmployment({ suppression: v === 'missing' || v === 'midpoint' ? v : undefined }),
      ),
    );
  }
  parts.push(checkboxField('keep-non-industry', t('data.import.keepNonIndustry'), e.keepNonIndustry === true, (keep) => setEmployment({ keepNonIndustry: keep || undefined })));
  parts.push(textField('benchmark', t('import.map.benchmark'), e.benchmark, (benchmark) => setEmployment({ benchmark: benchmark || undefined }), t('import.map.benchmarkHint')));
  parts.push(preview(summary));
  return el('fieldset', { class: 'import-group', 'data-group': 'employment' }, ...parts);
}

function tableFields(summary: FileSummary, table: TableChoice, set: (table: TableChoice) => void): HTMLElement[] {
  const header = summary.table!.header;
  const field = (name: keyof TableChoice, label: MessageKey, optional: boolean) => {
    const value = table[name] as string | undefined;
    // A required column not guessed shows "choose", not a first column that was never chosen.
    const first = optional ? [none()] : value ? [] : [{ value: '', label: t('import.map.choose') }];
    return selectField(`column-${name}`, t(label), [...first, ...columns(header)], value ?? '', (v) => set({ ...table, [name]: v || undefined }));
  };
  const layout = selectField(
    'layout',
    t('import.map.layout'),
    TABLE_LAYOUTS.map((l) => ({ value: l, label: t(`import.layout.${l}`) })),
    table.layout,
    (v) => {
      const next = { ...table, layout: v as TableChoice['layout'] };
      // Value columns differ between layouts: start from the reader's guess for the new one.
      next.columns = next.layout === 'years' ? summary.table!.yearColumns : next.layout === 'wide' ? wideColumns(summary, next.region, next.year) : undefined;
      set(next);
    },
  );
  const out = [layout, field('region', 'import.map.region', false)];
  for (const h of summary.table!.hierarchies ?? []) {
    if (h.column !== table.region && (table.layout === 'wide' || h.column !== table.category)) continue;
    const options = h.levels.map((l) => ({ value: String(l.level), label: t('formats.levelOption', { level: l.level + 1, examples: l.examples.join(', '), n: l.rows, count: l.rows }) }));
    const control = selectField(`level-${h.column}`, t('formats.level', { column: h.column }), options, String(table.levels?.[h.column] ?? h.suggested), (v) =>
      set({ ...table, levels: { ...table.levels, [h.column]: Number(v) } }),
    );
    control.append(el('small', {}, t('formats.levelHint', { by: t(`formats.by.${h.by}`) })));
    out.push(control);
  }
  if (table.layout === 'long') {
    out.push(
      field('category', 'import.map.category', false),
      field('employment', 'import.map.value', false),
      field('year', 'import.map.yearColumn', true),
      field('establishments', 'import.map.establishments', true),
      field('employmentFlag', 'import.map.flag', true),
    );
  } else if (table.layout === 'years') {
    out.push(field('category', 'import.map.category', false));
    out.push(checkboxGroup('year-columns', t('import.map.yearColumns'), header.filter((h) => h !== table.region && h !== table.category), table.columns ?? [], (cols) => set({ ...table, columns: cols })));
  } else {
    out.push(field('year', 'import.map.yearColumn', true));
    out.push(checkboxGroup('category-columns', t('import.map.categoryColumns'), header.filter((h) => h !== table.region && h !== table.year), table.columns ?? [], (cols) => set({ ...table, columns: cols })));
  }
  return out;
}

/**
 * The encoding of a text file, shown beside the file (also when it could not be decoded); a
 * change reads the file again.
 */
export function encodingField(summary: FileSummary, reread: Reread): HTMLElement | null {
  const textKind = summary.kind === undefined || TEXT_KINDS.includes(summary.kind);
  // Valid UTF-8 is all but certain to be UTF-8: the choice is offered when the encoding was guessed, marked or failed.
  if (summary.encoding ? summary.encoding.by === 'valid' : !(summary.error && textKind)) return null;
  const options = summary.options ?? {};
  const detected = summary.encoding && summary.encoding.by !== 'chosen' ? summary.encoding.used : undefined;
  const list = [
    { value: '', label: detected ? t('formats.encodingDetected', { encoding: encodingLabel(detected) }) : t('import.map.choose') },
    ...TEXT_ENCODINGS.map((enc) => ({ value: enc, label: encodingLabel(enc) })),
  ];
  const control = selectField('encoding', t('formats.encoding'), list, options.encoding ?? '', (v) => reread(summary.name, { ...options, encoding: isTextEncoding(v) ? v : undefined }));
  control.querySelector('select')?.setAttribute('data-file', summary.name);
  control.append(el('small', {}, t('formats.encodingHint')));
  return control;
}

/** The sheet of a workbook: a change reads the file again. */
function readingFields(summary: FileSummary, reread: Reread): HTMLElement[] {
  if (!summary.sheets || summary.sheets.length < 2) return [];
  const options = summary.options ?? {};
  return [selectField('sheet', t('formats.sheet'), summary.sheets.map((s) => ({ value: s, label: s })), summary.sheet, (sheet) => reread(summary.name, { ...options, sheet }))];
}

type EurostatChoice = NonNullable<ImportChoices['employment']['eurostat']>;

function eurostatFields(summary: FileSummary, choice: EurostatChoice, set: (choice: EurostatChoice) => void): HTMLElement[] {
  const s = summary.eurostat!;
  const dims = s.dimensions.map((d) => ({ value: d, label: d }));
  const region = choice.region ?? s.region;
  const category = choice.category ?? s.category;
  const out: HTMLElement[] = [
    selectField('region-dimension', t('import.map.regionDimension'), dims, region, (v) => set({ ...choice, region: v })),
    selectField('category-dimension', t('import.map.categoryDimension'), category ? dims : [{ value: '', label: t('import.map.choose') }, ...dims], category ?? '', (v) => set({ ...choice, category: v || undefined })),
  ];
  s.dimensions.forEach((dim, d) => {
    if (dim === region || dim === category) return;
    const codes = s.codes[d];
    if (codes.length < 2) return;
    const total = DEFAULT_TOTAL_CODES.find((c) => codes.includes(c));
    const auto: Option = { value: '', label: total ? t('import.map.filterTotal', { code: total }) : t('import.map.choose') };
    out.push(
      selectField(`filter-${dim}`, t('import.map.filter', { dimension: dim }), [auto, ...codes.map((c) => ({ value: c, label: c }))], choice.filters[dim]?.[0] ?? '', (v) => {
        const filters = { ...choice.filters };
        if (v) filters[dim] = [v];
        else delete filters[dim];
        set({ ...choice, filters });
      }),
    );
  });
  return out;
}

function jsonFields(summary: FileSummary, choice: { measure?: string }, set: (choice: { measure?: string }) => void): HTMLElement[] {
  const measures = summary.json!.measures;
  if (measures.length === 0) return [el('p', {}, t('import.map.plainValues'))];
  return [selectField('measure', t('import.map.measure'), measures.map((m) => ({ value: m, label: m })), choice.measure ?? measures[0], (measure) => set({ measure }))];
}

function preview(summary: FileSummary): HTMLElement {
  const caption = t('import.map.preview', { file: summary.name });
  if (summary.table) return textTable(caption, summary.table.header, summary.table.preview, { 'data-preview': summary.key });
  if (summary.eurostat) {
    const s = summary.eurostat;
    return textTable(caption, [...s.dimensions, ...s.periods.slice(0, 4)], s.preview, { 'data-preview': summary.key });
  }
  return textTable(caption, [t('import.map.region'), t('import.map.category'), t('import.map.value')], summary.json?.preview ?? [], { 'data-preview': summary.key });
}

function joinFields(choices: ImportChoices, update: Update): HTMLElement {
  const join = choices.join;
  return el(
    'fieldset',
    { class: 'import-group', 'data-group': 'join' },
    el('legend', {}, t('import.map.join')),
    selectField(
      'join-by',
      t('import.map.joinBy'),
      (['auto', 'id', 'name'] as const).map((by) => ({ value: by, label: t(`import.joinBy.${by}`) })),
      join.by,
      (v) => update((c) => ({ ...c, join: { ...c.join, by: v as ImportChoices['join']['by'] } })),
    ),
    checkboxField('aliases', t('import.map.aliases'), join.aliases, (aliases) => update((c) => ({ ...c, join: { ...c.join, aliases } }))),
  );
}
