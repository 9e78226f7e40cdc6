import type { IndicatorId } from '../model/dataset';
import { InputError } from './errors';
import { isPlainRelativeFile } from './requestGate';

/** A hosted dataset folder's `manifest.json`: what to load and how to show it. */
export interface DatasetManifest {
  format: 'cluster-atlas-dataset';
  version: 1;
  id: string;
  title: string;
  description?: string;
  attribution: string;
  licence?: string;
  /** What one employment value counts, as the source states it, e.g. "thousand persons". */
  unit?: string;
  /** The source's own code for the unit (Eurostat's `unit` dimension, e.g. THS), so the interface can name it in its language. */
  unitCode?: string;
  /** Publisher and table the figures come from, e.g. "Eurostat, lfst_r_lfe2en2". */
  source?: string;
  sourceUrl?: string;
  /** The period as the source states it when that is not a plain list of years (e.g. "about 2015"). */
  period?: string;
  /** Below these sizes a cell earns no star and no ranking place (the dataset's default rule parameter). */
  minSize?: { employment?: number; establishments?: number };
  /** Codes of the source left out of the categories as not industries (totals, non-answers, aggregates beside their parts). */
  nonIndustry?: { id: string; name: string; reason: 'total' | 'no-response' | 'aggregate'; parts?: string[] }[];
  /** The join of the source's regions to the boundaries, every unmatched code with its reason (CSV). */
  joinReport?: { file: string };
  /** True when the employment figures are made up (the built-in demo): the screen must say so. */
  synthetic?: boolean;
  /** `nameLatin`: a property with the names in Latin script (e.g. transliterated Russian names). */
  regions: { file: string; id: string; name: string; nameLatin?: string };
  outlines?: { file: string };
  categories?: { file: string };
  /**
   * `binary`: `file` is a cube index (cubeBlobs.ts) naming one file of values per year, with the
   * establishments' files beside the employment's; the CSV layouts name one table.
   */
  employment: { file: string; layout: 'long' | 'wide' | 'binary' };
  establishments?: { file: string; layout: 'long' | 'wide' };
  /** The source's flags on single values: region,category,year,flag, one row per flagged value (see sourceFlags.ts). */
  flags?: { file: string };
  benchmark?: string;
  years?: number[];
  defaultView?: { cat?: string; ind?: IndicatorId; year?: number };
}

/** Validates a parsed manifest, naming the first field that is wrong. */
export function validateManifest(value: unknown, file: string): DatasetManifest {
  const fail = (problem: string): never => {
    throw new InputError({ file }, problem);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('a manifest must be a JSON object');
  const m = value as Record<string, unknown>;
  if (m.format !== 'cluster-atlas-dataset') fail(`"format" must be "cluster-atlas-dataset", found ${JSON.stringify(m.format)}`);
  if (m.version !== 1) fail(`unsupported manifest version ${JSON.stringify(m.version)} (this app reads version 1)`);
  for (const key of ['id', 'title', 'attribution'] as const) {
    if (typeof m[key] !== 'string' || m[key] === '') fail(`"${key}" must be a non-empty string`);
  }
  const fileEntry = (key: string, required: boolean, extra: string[] = []) => {
    const entry = m[key] as Record<string, unknown> | undefined;
    if (entry === undefined) {
      if (required) fail(`"${key}" is missing`);
      return;
    }
    if (typeof entry !== 'object' || entry === null) return fail(`"${key}" must be an object`);
    if (typeof entry.file !== 'string' || !isRelativeFile(entry.file)) fail(`"${key}.file" must be a plain file name inside the dataset folder (letters, digits, ".", "_", "-" and "/"), found ${JSON.stringify(entry.file)}`);
    for (const field of extra) if (typeof entry[field] !== 'string' || entry[field] === '') fail(`"${key}.${field}" must be a non-empty string`);
  };
  fileEntry('regions', true, ['id', 'name']);
  fileEntry('outlines', false);
  fileEntry('categories', false);
  fileEntry('employment', true, ['layout']);
  fileEntry('establishments', false, ['layout']);
  const layout = (m.employment as { layout?: unknown }).layout;
  if (layout !== 'long' && layout !== 'wide' && layout !== 'binary') fail('"employment.layout" must be "long", "wide" or "binary"');
  const establishments = (m.establishments as { layout?: unknown } | undefined)?.layout;
  if (establishments !== undefined && establishments !== 'long' && establishments !== 'wide') fail('"establishments.layout" must be "long" or "wide"');
  if (layout === 'binary' && m.establishments !== undefined) fail('"establishments" must not be given with "employment.layout": "binary" (the cube index names the establishments\' files)');
  for (const key of ['description', 'licence', 'unit', 'unitCode', 'source', 'sourceUrl', 'period'] as const) {
    if (m[key] !== undefined && (typeof m[key] !== 'string' || m[key] === '')) fail(`"${key}" must be a non-empty string when given`);
  }
  fileEntry('joinReport', false);
  fileEntry('flags', false);
  const nameLatin = (m.regions as Record<string, unknown>).nameLatin;
  if (nameLatin !== undefined && (typeof nameLatin !== 'string' || nameLatin === '')) fail('"regions.nameLatin" must be a non-empty string when given');
  if (m.minSize !== undefined) {
    const size = m.minSize as Record<string, unknown>;
    if (typeof size !== 'object' || size === null || Array.isArray(size)) fail('"minSize" must be an object {"employment": n, "establishments": n}');
    for (const [key, n] of Object.entries(size)) {
      if (key !== 'employment' && key !== 'establishments') fail(`"minSize.${key}" is not known (employment, establishments)`);
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(`"minSize.${key}" must be a number, 0 or more`);
    }
  }
  if (m.nonIndustry !== undefined) {
    if (!Array.isArray(m.nonIndustry)) fail('"nonIndustry" must be a list');
    (m.nonIndustry as unknown[]).forEach((raw, i) => {
      const e = raw as Record<string, unknown> | null;
      if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || typeof e.name !== 'string') return fail(`"nonIndustry[${i}]" must have an "id" and a "name"`);
      if (e.reason !== 'total' && e.reason !== 'no-response' && e.reason !== 'aggregate') fail(`"nonIndustry[${i}].reason" must be total, no-response or aggregate`);
      if (e.parts !== undefined && (!Array.isArray(e.parts) || !e.parts.every((p) => typeof p === 'string'))) fail(`"nonIndustry[${i}].parts" must be a list of codes`);
    });
  }
  if (m.years !== undefined && (!Array.isArray(m.years) || !m.years.every((y) => Number.isInteger(y)))) fail('"years" must be a list of whole years');
  return m as unknown as DatasetManifest;
}

/**
 * Dataset files are named relative to the manifest by a plain path (see `isPlainRelativeFile`): an
 * absolute URL, a `\`, a `%`-escape or a leading space would let the URL parser take the request
 * out of the folder, and maybe off the site.
 */
export function isRelativeFile(name: string): boolean {
  return isPlainRelativeFile(name);
}
