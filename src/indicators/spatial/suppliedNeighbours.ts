/**
 * Neighbour lists supplied by the user (region id → neighbour ids), e.g. a published adjacency
 * table when boundaries are too coarse or islands should be linked by ferry. Every id that
 * matches no region is reported, as is every link given only one way; nothing is dropped silently.
 */
import { asymmetricLinks, neighbourListFromRows, type NeighbourList } from './weights';

export interface SuppliedNeighboursReport {
  /** Ids listed as a neighbour of `region` that match no region. */
  unmatchedNeighbours: Array<{ region: string; neighbour: string }>;
  /** Keys of the supplied list that match no region. */
  unmatchedRegions: string[];
  /** Regions the supplied list does not mention as a key (they get no neighbours from it). */
  regionsWithoutEntry: string[];
  /** Links i → j given without j → i; kept as given (the weights are then not symmetric). */
  oneWayLinks: Array<{ from: string; to: string }>;
  /** A region listed as its own neighbour; such links are ignored. */
  selfLinks: string[];
}

export function suppliedNeighbours(regionIds: readonly string[], supplied: ReadonlyMap<string, readonly string[]>): { list: NeighbourList; report: SuppliedNeighboursReport } {
  const index = new Map<string, number>();
  regionIds.forEach((id, i) => index.set(id, i));
  const report: SuppliedNeighboursReport = { unmatchedNeighbours: [], unmatchedRegions: [], regionsWithoutEntry: [], oneWayLinks: [], selfLinks: [] };
  const rows: number[][] = regionIds.map(() => []);
  for (const [region, neighbours] of supplied) {
    const i = index.get(region);
    if (i === undefined) {
      report.unmatchedRegions.push(region);
      continue;
    }
    for (const neighbour of neighbours) {
      const j = index.get(neighbour);
      if (j === undefined) report.unmatchedNeighbours.push({ region, neighbour });
      else if (j === i) report.selfLinks.push(region);
      else rows[i].push(j);
    }
  }
  for (const id of regionIds) if (!supplied.has(id)) report.regionsWithoutEntry.push(id);
  const list = neighbourListFromRows(rows);
  for (const [i, j] of asymmetricLinks(list)) report.oneWayLinks.push({ from: regionIds[i], to: regionIds[j] });
  return { list, report };
}

/**
 * Reads the two shapes such lists come in: `{ "id": ["n1", "n2"] }` or
 * `{ "id": { "neighbors": [...] } }` (also `neighbours`). Throws on anything else, naming the key.
 */
export function neighbourMapFromJson(json: unknown): Map<string, string[]> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new TypeError('expected an object keyed by region id');
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : (value as { neighbors?: unknown; neighbours?: unknown } | null)?.neighbors ?? (value as { neighbours?: unknown } | null)?.neighbours;
    if (!Array.isArray(list)) throw new TypeError(`entry "${key}" is neither a list of ids nor an object with a "neighbors" list`);
    out.set(key, list.map((v) => String(v)));
  }
  return out;
}
