/**
 * The boundary file of a dataset, read with the region id property that fits the data: the one
 * given with `--id`, else the property whose values match most of the data's region codes
 * (`rankIdProperties`), else what `readBoundaries` detects on its own.
 */
import { FEATURE_ID, readBoundaries, type Boundaries } from '../io/boundaries';
import { InputError } from '../io/errors';
import { rankIdProperties, type FeatureLike } from '../io/idProperty';
import { parseJsonText } from '../io/jsonText';
import { readZippedShapefile } from '../io/shapefileZip';
import { topologyToCollection } from '../io/topology';
import type { InputKind } from '../io/inputKind';

export interface BoundaryInput {
  boundaries: Boundaries;
  /** How the id property was chosen, for the report. */
  idNote: string;
}

export async function readBoundaryInput(
  file: { name: string; kind: InputKind; bytes: Uint8Array },
  dataCodes: readonly string[],
  options: { idProperty?: string; nameProperty?: string } = {},
): Promise<BoundaryInput> {
  const { name } = file;
  const given = { idProperty: options.idProperty, nameProperty: options.nameProperty };
  if (file.kind === 'shapefile-zip') {
    const first = await readZippedShapefile(file.bytes, name, given);
    if (options.idProperty !== undefined) return { boundaries: first, idNote: givenNote(first) };
    const chosen = choose(first.collection.features, dataCodes);
    if (!chosen || chosen.property === first.idProperty || chosen.property === FEATURE_ID) {
      return { boundaries: first, idNote: chosen ? chosen.note : undetectedNote(first) };
    }
    const again = reread(() => readBoundaries(first.collection, name, { ...given, idProperty: chosen.property }), chosen.note);
    return { boundaries: { ...again, format: 'shapefile', notes: [...first.notes.filter((n) => !/region ids from/.test(n)), ...again.notes] }, idNote: chosen.note };
  }
  if (file.kind !== 'geojson' && file.kind !== 'topojson') throw new InputError({ file: name }, `is ${file.kind}, not a boundary file`);

  const raw = parseJsonText(new TextDecoder('utf-8').decode(file.bytes), name) as Record<string, unknown>;
  if (options.idProperty !== undefined) {
    const boundaries = readBoundaries(raw, name, given);
    return { boundaries, idNote: givenNote(boundaries) };
  }
  const features = file.kind === 'topojson' && raw?.type === 'Topology' ? topologyToCollection(raw, name).collection.features : (raw?.features as FeatureLike[] | undefined);
  const chosen = Array.isArray(features) ? choose(features as FeatureLike[], dataCodes) : undefined;
  if (!chosen) {
    const boundaries = readBoundaries(raw, name, given);
    return { boundaries, idNote: undetectedNote(boundaries) };
  }
  return { boundaries: reread(() => readBoundaries(raw, name, { ...given, idProperty: chosen.property }), chosen.note), idNote: chosen.note };
}

function choose(features: readonly FeatureLike[], dataCodes: readonly string[]): { property: string; note: string } | undefined {
  const ranked = rankIdProperties(features, dataCodes);
  if (ranked.length === 0) return undefined;
  const [best, next] = ranked;
  const codes = new Set(dataCodes).size;
  const count = (s: typeof best) => `${s.matched}${s.matchedByName > 0 ? ` (+${s.matchedByName} by normalised name)` : ''}`;
  const note =
    `region ids from ${label(best.property)}: it holds ${count(best)} of the data's ${codes} region codes` +
    (next ? `; next best ${label(next.property)} with ${count(next)}` : '');
  return { property: best.property, note };
}

/** A property chosen for its matches may still repeat a value: say why it was chosen and what to do. */
function reread(read: () => Boundaries, why: string): Boundaries {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.location, `${error.problem} (${why}; name the id property with --id)`);
    throw error;
  }
}

function label(property: string): string {
  return property === FEATURE_ID ? 'the feature ids' : `property "${property}"`;
}

function givenNote(b: Boundaries): string {
  return `region ids from ${label(b.idProperty)} (given with --id)`;
}

function undetectedNote(b: Boundaries): string {
  return `no boundary property holds any of the data's region codes; region ids from ${label(b.idProperty)} (detected), joined by name where possible`;
}
