/**
 * Which regions an atlas draws in inset frames rather than in its main view, and what the main
 * view is then fitted to. Two rules, both from the data:
 *
 * 1. The general rule (any dataset): a region whose centre lies far outside the main body of
 *    regions — the middle 95 % of feature centres in each direction, widened by 30 % of that span —
 *    is outlying. This is what leaves Alaska and Hawaii out of the U.S. mainland (their centres are
 *    20°–40° beyond the core) while Maine, Florida or Kaliningrad, whose centres are inside the
 *    widened core, stay in it.
 * 2. One committed list for a known family, the European Union's outermost regions (TFEU
 *    art. 349: Canarias, Açores, Madeira and the French overseas regions), recognised by their NUTS
 *    codes in every NUTS version: ES7…, PT2…, PT3…, FR9… (2010), FRA… (2013), FRY… (2016 on). Their
 *    centres can sit inside the widened European core (Canarias, Madeira are 4°–8° off the
 *    coast) yet every map of the EU frames them apart, as the Union itself does; a code-shaped id
 *    is required, so a non-NUTS dataset is never matched.
 *
 * Outlying regions are then grouped into frames: regions of one outermost region together
 * (FRA1 Guadeloupe, ES70 Canarias…), others by single linkage — two regions share a frame when their
 * boxes come within 4 % of the mainland's larger side (the Hawaiian islands, Alaska's boroughs).
 * At most MAX_FRAMES frames: the two closest groups merge until they fit.
 */
import { addToGroup } from '../model/groups';

export type Box = [number, number, number, number];

export interface OutlyingGroup {
  /** Indices of the group's features in the collection, west to east. */
  members: number[];
  box: Box;
}

export interface Framing {
  /** West, south, east, north of the main view's regions; undefined when no feature has a usable box. */
  mainland: Box | undefined;
  /** Frames of outlying regions, west to east. */
  groups: OutlyingGroup[];
}

export const MAX_FRAMES = 8;
const TRIM = 0.025;
const MARGIN = 0.3;
const LINK = 0.04;

/** NUTS codes of the EU's outermost regions (any level, any NUTS version since 2010) → their frame's key. */
export function outermostKey(id: string): string | undefined {
  if (!/^[A-Z]{2}[A-Z0-9]{1,3}$/.test(id)) return undefined;
  if (/^(ES7|PT2|PT3)/.test(id)) return id.slice(0, 3);
  if (/^(FR9|FRA|FRY)[1-5]/.test(id)) return id.slice(0, 4);
  return undefined;
}

interface Item {
  index: number;
  box: Box;
}

export function frameRegions(features: readonly { id?: unknown; geometry?: { coordinates?: unknown } | null }[]): Framing {
  const items: Item[] = [];
  features.forEach((feature, index) => {
    const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    visit(feature.geometry?.coordinates, box);
    // A box wider than half the globe is a region cut at ±180° that was not unwrapped: it says nothing about where the map is.
    if (box[0] <= box[2] && box[2] - box[0] <= 180) items.push({ index, box });
  });
  if (items.length === 0) return { mainland: undefined, groups: [] };
  const known = new Map<number, string>();
  for (const item of items) {
    const key = outermostKey(String(features[item.index].id ?? ''));
    if (key !== undefined) known.set(item.index, key);
  }
  // A dataset of outermost regions only (say, Canarias alone) has them as its mainland.
  const candidates = known.size < items.length ? items.filter((i) => !known.has(i.index)) : items;
  if (candidates === items) known.clear();
  const core = coreLimits(candidates.map((i) => i.box));
  const inMain = (item: Item) => {
    if (known.has(item.index)) return false;
    const [x, y] = centre(item.box);
    return x >= core[0] && x <= core[2] && y >= core[1] && y <= core[3];
  };
  const main = items.filter(inMain);
  const outlying = items.filter((i) => !inMain(i));
  const mainland = union(main.map((i) => i.box));
  if (!mainland) return { mainland: union(items.map((i) => i.box)), groups: [] };
  const link = Math.max(mainland[2] - mainland[0], mainland[3] - mainland[1]) * LINK;
  return { mainland, groups: groupsOf(outlying, known, link) };
}

/** The widened core of feature centres: a centre outside it marks its region as outlying. */
function coreLimits(boxes: Box[]): Box {
  const cx = boxes.map((b) => centre(b)[0]).sort((a, b) => a - b);
  const cy = boxes.map((b) => centre(b)[1]).sort((a, b) => a - b);
  const at = (values: number[], p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  const [x0, x1, y0, y1] = [at(cx, TRIM), at(cx, 1 - TRIM), at(cy, TRIM), at(cy, 1 - TRIM)];
  const [dx, dy] = [(x1 - x0) * MARGIN, (y1 - y0) * MARGIN];
  return [x0 - dx, y0 - dy, x1 + dx, y1 + dy];
}

function groupsOf(outlying: Item[], known: Map<number, string>, link: number): OutlyingGroup[] {
  // Union–find over the outlying regions: same outermost region, or boxes within `link` of each other.
  const parent = outlying.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let a = 0; a < outlying.length; a++) {
    for (let b = a + 1; b < outlying.length; b++) {
      const [ka, kb] = [known.get(outlying[a].index), known.get(outlying[b].index)];
      if (ka !== undefined || kb !== undefined ? ka === kb : gap(outlying[a].box, outlying[b].box) <= link) join(a, b);
    }
  }
  const byRoot = new Map<number, Item[]>();
  outlying.forEach((item, i) => {
    const root = find(i);
    addToGroup(byRoot, root, item);
  });
  let groups = [...byRoot.values()];
  while (groups.length > MAX_FRAMES) {
    let best = [0, 1];
    let bestGap = Infinity;
    const boxes = groups.map((g) => union(g.map((i) => i.box))!);
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const d = gap(boxes[a], boxes[b]);
        if (d < bestGap) [bestGap, best] = [d, [a, b]];
      }
    }
    groups = [...groups.filter((_, i) => i !== best[0] && i !== best[1]), [...groups[best[0]], ...groups[best[1]]]];
  }
  return groups
    .map((g) => ({ members: [...g].sort((a, b) => centre(a.box)[0] - centre(b.box)[0]).map((i) => i.index), box: union(g.map((i) => i.box))! }))
    .sort((a, b) => centre(a.box)[0] - centre(b.box)[0]);
}

/** Distance between two boxes (0 when they touch or overlap), degrees. */
function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return Math.hypot(dx, dy);
}

const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

function union(boxes: Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const out: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

function visit(coordinates: unknown, box: Box): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    const [x, y] = coordinates as number[];
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const c of coordinates) visit(c, box);
}

/** One inset as the map draws it: its regions' shapes (degrees) and ids, west to east. */
export interface InsetFrame {
  box: Box;
  regions: { id: string; name: string; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[];
}

/** The main view's bounds and the insets of a region collection (ids as the map's feature ids). */
export function framesOf(
  features: readonly { id?: unknown; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[],
  nameOf: (index: number) => string,
): { bounds: Box | undefined; insets: InsetFrame[] } {
  const { mainland, groups } = frameRegions(features);
  const insets = groups.map((g) => ({
    box: g.box,
    regions: g.members.map((i) => ({ id: String(features[i].id), name: nameOf(i), geometry: { type: features[i].geometry.type, coordinates: features[i].geometry.coordinates } })),
  }));
  return { bounds: mainland, insets };
}
