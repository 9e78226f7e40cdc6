import type { EmploymentCube } from '../model/dataset';
import { notes as noteText } from './notes';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import { InputError } from './errors';
import { jsonPathText } from './jsonStructure';
import { parseJsonText } from './jsonText';
import { isMissingCell, parseNumber } from './numbers';

/**
 * Employment as a JSON object keyed region → category → value, or region → category → measure →
 * value (Rosstat's files carry `ЧИСЛ` employment beside `ВРП` output per activity). With measures,
 * one is chosen; `jsonMeasures` lists them for the user. Values may be numbers, numeric strings or
 * null / ":" for "not reported".
 */
export interface NestedJsonOptions extends CubeOptions {
  measure?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRoot(input: string | object, fileName: string): Record<string, Json> {
  const value = typeof input === 'string' ? parseJsonText(input, fileName) : input;
  if (!isObject(value)) throw new InputError({ file: fileName }, 'expected a JSON object keyed by region');
  if (value.type === 'FeatureCollection' || value.type === 'Topology') {
    throw new InputError({ file: fileName }, `this is a ${String(value.type)} (a boundary file), not employment data`);
  }
  if (Object.keys(value).length === 0) throw new InputError({ file: fileName }, 'the object has no regions');
  return value;
}

/** Measure names under the categories, in first-seen order (empty when categories hold plain values). */
export function jsonMeasures(input: string | object, fileName: string): string[] {
  const measures = new Set<string>();
  for (const categories of Object.values(asRoot(input, fileName))) {
    if (!isObject(categories)) continue;
    for (const value of Object.values(categories)) if (isObject(value)) for (const m of Object.keys(value)) measures.add(m);
  }
  return [...measures];
}

export function nestedJsonToCube(input: string | object, fileName: string, options: NestedJsonOptions = {}): { cube: EmploymentCube; report: TableReport; measures: string[] } {
  const root = asRoot(input, fileName);
  const measures = jsonMeasures(root, fileName);
  let measure = options.measure;
  if (measures.length > 0 && measure === undefined) {
    if (measures.length > 1) throw new InputError({ file: fileName }, `the values have several measures (${measures.join(', ')}): choose one`);
    measure = measures[0];
  }
  if (measure !== undefined && !measures.includes(measure)) {
    throw new InputError({ file: fileName }, measures.length > 0 ? `no measure "${measure}" (measures: ${measures.join(', ')})` : `measure "${measure}" given, but the categories hold plain values`);
  }
  const builder = new CubeBuilder(fileName, options);
  const { report } = builder;
  const year = options.defaultYear ?? 0;
  const regionKeys = new Map<string, string>();
  for (const [region, categories] of Object.entries(root)) {
    const path = [region];
    if (!isObject(categories)) throw new InputError({ file: fileName, path: pathText(path) }, 'expected an object of categories');
    const other = regionKeys.get(region.trim());
    if (other !== undefined) throw new InputError({ file: fileName, path: pathText(path) }, `the same region as ${JSON.stringify(other)} (they differ only in spaces)`);
    regionKeys.set(region.trim(), region);
    for (const [category, node] of Object.entries(categories)) {
      report.rowsRead++;
      const at = [region, category];
      let raw: Json | undefined = node;
      if (measure !== undefined) {
        if (!isObject(node)) throw new InputError({ file: fileName, path: pathText(at) }, `expected measures (${measures.join(', ')}), found ${JSON.stringify(node)}`);
        // Own keys only: "constructor" or "toString" are not measures of every entry.
        if (!Object.hasOwn(node, measure)) {
          // JSON has no line numbers once parsed: the path locates the entry.
          report.unused.push({ line: 0, reason: `${pathText(at)} has no measure ${measure}` });
          continue;
        }
        raw = node[measure];
        at.push(measure);
      }
      const value = readValue(raw, fileName, at, report);
      if (builder.add(region.trim(), category, year, value, NaN, 0)) report.rowsUsed++;
    }
  }
  if (measure !== undefined) report.notes.push(noteText.measure(measure, measures.filter((m) => m !== measure)));
  return { cube: builder.build(), report, measures };
}

function pathText(path: string[]): string {
  return jsonPathText(path);
}

function readValue(raw: Json | undefined, file: string, path: string[], report: TableReport): number {
  if (raw === null || (typeof raw === 'string' && isMissingCell(raw))) {
    report.missingCells++;
    return NaN;
  }
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw) : NaN;
  if (value === Infinity || value === -Infinity) throw new InputError({ file, path: pathText(path) }, `${JSON.stringify(raw)} is beyond the largest number (±1.8e308)`);
  if (!Number.isFinite(value)) throw new InputError({ file, path: pathText(path) }, `${JSON.stringify(raw)} is not a number`);
  if (value < 0) throw new InputError({ file, path: pathText(path) }, `negative value ${value}`);
  return value;
}
