import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  asymmetricLinks,
  includeSelf,
  islands,
  neighbourListFromPairs,
  neighbourListFromRows,
  neighbourMapFromJson,
  spatialLag,
  spatialWeights,
  subsetNeighbourList,
  suppliedNeighbours,
} from '../../../../src/indicators/spatial';
import { haveSharedData, sharedDataPath } from '../../../shared-data';

describe('CSR neighbour lists and weights', () => {
  it('sorts rows, drops duplicates and self-links, and stores rows contiguously', () => {
    const nb = neighbourListFromRows([[2, 1, 1, 0], [0], [0], []]);
    expect(Array.from(nb.offsets)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(nb.neighbours)).toEqual([1, 2, 0, 0]);
    expect(islands(nb)).toEqual([3]);
    expect(() => neighbourListFromRows([[5]])).toThrow(/not in 0..0/);
  });

  it('builds symmetric lists from pairs', () => {
    const nb = neighbourListFromPairs(3, Int32Array.from([0, 1, 0]), Int32Array.from([1, 2, 1]));
    expect(Array.from(nb.neighbours)).toEqual([1, 0, 2, 1]);
    expect(asymmetricLinks(nb)).toEqual([]);
  });

  it('row-standardises (W) or keeps ones (B); islands keep an empty row and a zero lag', () => {
    const nb = neighbourListFromRows([[1, 2], [0], [0], []]);
    const w = spatialWeights(nb, 'W');
    expect(Array.from(w.weights)).toEqual([0.5, 0.5, 1, 1]);
    expect(Array.from(spatialWeights(nb, 'B').weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(spatialLag(w, [10, 2, 4, 99]))).toEqual([3, 10, 10, 0]);
  });

  it('includes each region in its own row for Gi*, in order, islands included', () => {
    const self = includeSelf(neighbourListFromRows([[1, 2], [0], [0], []]));
    expect(Array.from(self.neighbours)).toEqual([0, 1, 2, 0, 1, 0, 2, 3]);
    expect(Array.from(self.offsets)).toEqual([0, 3, 5, 7, 8]);
  });

  it('finds one-way links and subsets with renumbering', () => {
    const nb = neighbourListFromRows([[1], [], [0, 1]]);
    expect(asymmetricLinks(nb)).toEqual([[0, 1], [2, 0], [2, 1]]);
    const { list, kept } = subsetNeighbourList(nb, [true, false, true]);
    expect(Array.from(kept)).toEqual([0, 2]);
    expect(Array.from(list.neighbours)).toEqual([0]);
    expect(Array.from(list.offsets)).toEqual([0, 0, 1]);
  });
});

describe('supplied neighbour lists', () => {
  it('reports unknown ids, missing entries, one-way and self links instead of dropping them', () => {
    const supplied = new Map([
      ['a', ['b', 'x']],
      ['b', ['a', 'c', 'b']],
      ['z', ['a']],
    ]);
    const { list, report } = suppliedNeighbours(['a', 'b', 'c'], supplied);
    expect(Array.from(list.neighbours)).toEqual([1, 0, 2]);
    expect(report.unmatchedNeighbours).toEqual([{ region: 'a', neighbour: 'x' }]);
    expect(report.unmatchedRegions).toEqual(['z']);
    expect(report.regionsWithoutEntry).toEqual(['c']);
    expect(report.oneWayLinks).toEqual([{ from: 'b', to: 'c' }]);
    expect(report.selfLinks).toEqual(['b']);
  });

  it('reads plain and {neighbors: […]} JSON and names a malformed entry', () => {
    expect(neighbourMapFromJson({ a: ['b'], b: { neighbors: ['a'] }, c: { neighbours: [] } })).toEqual(
      new Map([
        ['a', ['b']],
        ['b', ['a']],
        ['c', []],
      ]),
    );
    expect(() => neighbourMapFromJson({ a: 3 })).toThrow(/entry "a"/);
    expect(() => neighbourMapFromJson([])).toThrow(/object keyed by region id/);
  });

  const file = 'ru/ru_regions_iso_neighbors.json';
  it.skipIf(!haveSharedData(file))('reads the Russian regions list: 85 regions, all names matched, one one-way link', () => {
    const map = neighbourMapFromJson(JSON.parse(readFileSync(sharedDataPath(file), 'utf8')));
    const ids = [...map.keys()];
    const { list, report } = suppliedNeighbours(ids, map);
    expect(ids).toHaveLength(85);
    expect(report.unmatchedNeighbours).toEqual([]);
    expect(report.unmatchedRegions).toEqual([]);
    // The list links Kaliningrad (an exclave) to Smolensk one way only: reported, kept.
    expect(report.oneWayLinks).toEqual([{ from: 'Калининградская область', to: 'Смоленская область' }]);
    expect(islands(list)).toEqual([]);
    const moscow = ids.indexOf('Москва');
    const moscowRow = Array.from(list.neighbours.subarray(list.offsets[moscow], list.offsets[moscow + 1]), (j) => ids[j]);
    expect(moscowRow).toContain('Московская область');
  });
});
