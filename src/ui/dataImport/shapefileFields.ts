import { el } from '../dom';
import { t, type MessageKey } from '../../i18n/i18n';
import type { FileSummary } from '../../engine/import/importTypes';
import type { DbfEncoding } from '../../io/dbfCodePage';
import type { Reread } from './mappingForm';
import { selectField, type Option } from './formParts';

/** The .dbf encodings offered: those of planners' shapefiles (Russian and Western tools, old DOS exports). */
const DBF_ENCODINGS = ['utf-8', 'windows-1251', 'ibm866', 'koi8-r', 'windows-1252', 'windows-1250'] as const;

const SOURCE_KEYS: Record<DbfEncoding['source'], MessageKey> = {
  chosen: 'shapefile.source.chosen',
  '.cpg': 'shapefile.source.cpg',
  'code page byte': 'shapefile.source.ldid',
  guessed: 'shapefile.source.guessed',
};

const SHAPE_KEYS: Record<string, MessageKey> = {
  polygons: 'shapefile.shapes.polygons',
  points: 'shapefile.shapes.points',
  lines: 'shapefile.shapes.lines',
  multipoints: 'shapefile.shapes.multipoints',
  'null shapes': 'shapefile.shapes.null',
};

const encodingName = (label: string) => {
  const known = label.toLowerCase();
  return (DBF_ENCODINGS as readonly string[]).includes(known) ? t(`shapefile.encoding.${known}` as MessageKey) : label;
};

/**
 * A zipped Shapefile's reading choices beside the file: the layer when the zip holds several
 * (each with its feature count), the .dbf's encoding with what was detected and from where, and
 * the names as read, so that garbled Cyrillic is seen and fixed before the map is built. A change
 * reads the zip again.
 */
export function shapefileFields(summary: FileSummary, reread: Reread): HTMLElement | null {
  const reading = summary.shapefile;
  if (!reading) return null;
  const options = summary.options ?? {};
  const parts: HTMLElement[] = [];
  if (reading.layers.length > 1) {
    const layers: Option[] = reading.layers.map((l) => ({
      value: l.name,
      label: t('shapefile.layerOption', { name: l.name, n: l.features, count: l.features, shapes: SHAPE_KEYS[l.shapes] ? t(SHAPE_KEYS[l.shapes]) : l.shapes }),
    }));
    const control = selectField('shapefile-layer', t('shapefile.layer'), layers, reading.layer, (layer) => reread(summary.name, { ...options, layer }));
    control.querySelector('select')?.setAttribute('data-file', summary.name);
    parts.push(control);
  }
  const encoding = reading.encoding;
  if (encoding) {
    // The detected encoding, with its source, is the "automatic" entry; a chosen one is marked as such.
    const detected = encoding.source === 'chosen' ? undefined : encoding;
    const list: Option[] = [
      { value: '', label: detected ? t('shapefile.encodingDetected', { encoding: encodingName(detected.encoding), source: t(SOURCE_KEYS[detected.source]) }) : t('shapefile.encodingAuto') },
      ...DBF_ENCODINGS.map((e) => ({ value: e, label: encodingName(e) })),
    ];
    if (options.dbfEncoding && !(DBF_ENCODINGS as readonly string[]).includes(options.dbfEncoding)) list.push({ value: options.dbfEncoding, label: options.dbfEncoding });
    const control = selectField('dbf-encoding', t('shapefile.encoding'), list, options.dbfEncoding ?? '', (v) => reread(summary.name, { ...options, dbfEncoding: v || undefined }));
    control.querySelector('select')?.setAttribute('data-file', summary.name);
    control.append(el('small', {}, t('shapefile.encodingHint')));
    parts.push(control);
  }
  const b = summary.boundaries;
  const names = b ? b.samples[b.nameProperty ?? b.idProperty] : undefined;
  if (names && names.length > 0) {
    parts.push(el('p', { class: 'import-note', 'data-preview': 'shapefile-names' }, t('shapefile.names', { property: b!.nameProperty ?? b!.idProperty, names: names.join(', ') })));
  }
  return parts.length > 0 ? el('div', { class: 'import-shapefile', 'data-file': summary.name }, ...parts) : null;
}
