import { describe, expect, it } from 'vitest';
import { filterRows, foldForSearch, pageOf, searchRows, sortedOrder } from '../../../src/ui/tableModel';

describe('sortedOrder', () => {
  const values = [3, NaN, 1, 3, 2, NaN];
  it('sorts numbers with missing values last in both directions and ties in input order', () => {
    expect(sortedOrder(values.length, [(i) => values[i]], 'asc')).toEqual([2, 4, 0, 3, 1, 5]);
    expect(sortedOrder(values.length, [(i) => values[i]], 'desc')).toEqual([0, 3, 4, 2, 1, 5]);
  });

  it('breaks ties by the next key, in the same direction, with its missing values last', () => {
    const stars = [1, 2, 1, 2, 0];
    const lq = [1.5, 2.5, NaN, 3.1, 0.2];
    expect(sortedOrder(5, [(i) => stars[i], (i) => lq[i]], 'desc')).toEqual([3, 1, 0, 2, 4]);
    expect(sortedOrder(5, [(i) => stars[i], (i) => lq[i]], 'asc')).toEqual([4, 0, 2, 1, 3]);
  });

  it('sorts text by the language’s collation, numbers inside text numerically', () => {
    const names = ['Zürich', 'zug', 'Aargau', 'Region 10', 'Region 9', 'Émilie'];
    expect(sortedOrder(names.length, [(i) => names[i]], 'asc').map((i) => names[i])).toEqual([
      'Aargau', 'Émilie', 'Region 9', 'Region 10', 'zug', 'Zürich',
    ]);
    const ru = ['Орёл', 'Омск', 'Абакан'];
    expect(sortedOrder(ru.length, [(i) => ru[i]], 'desc', 'ru').map((i) => ru[i])).toEqual(['Орёл', 'Омск', 'Абакан']);
  });
});

describe('search', () => {
  it('folds case, diacritics, ё and punctuation', () => {
    expect(foldForSearch('  Québec-City ')).toBe('quebec city');
    expect(foldForSearch('Орёл')).toBe('орел');
    expect(foldForSearch('SAINT-ÉTIENNE')).toBe('saint etienne');
  });

  it('ranks names starting with the query, then word starts, then the rest, keeping order within', () => {
    const names = ['Lake County, IL', 'Clark County, NV', 'Lakeview', 'Blake', 'Salt Lake County, UT', 'Polk'];
    const order = [0, 1, 2, 3, 4, 5];
    expect(searchRows(order, (i) => names[i], 'lake').map((i) => names[i])).toEqual([
      'Lake County, IL', 'Lakeview', 'Salt Lake County, UT', 'Blake',
    ]);
    // The given order (e.g. a sort by LQ) is kept within a group.
    expect(searchRows([2, 0], (i) => names[i], 'la')).toEqual([2, 0]);
    expect(searchRows(order, (i) => names[i], '  ')).toEqual(order);
    expect(searchRows(order, (i) => names[i], 'xyz')).toEqual([]);
  });
});

describe('pageOf', () => {
  it('gives row ranges and clamps the page', () => {
    expect(pageOf(51, 0, 25)).toEqual({ page: 0, pages: 3, start: 0, end: 25 });
    expect(pageOf(51, 2, 25)).toEqual({ page: 2, pages: 3, start: 50, end: 51 });
    expect(pageOf(51, 7, 25)).toEqual({ page: 2, pages: 3, start: 50, end: 51 });
    expect(pageOf(51, -1, 25)).toEqual({ page: 0, pages: 3, start: 0, end: 25 });
    expect(pageOf(0, 0, 25)).toEqual({ page: 0, pages: 1, start: 0, end: 0 });
    expect(pageOf(52, 3, Infinity)).toEqual({ page: 0, pages: 1, start: 0, end: 52 });
  });
});

describe('filterRows', () => {
  it('keeps the sorted order and matches folded names anywhere', () => {
    const names = ['Lake County, IL', 'Blake', 'Polk', 'Salt Lake County, UT'].map(foldForSearch);
    expect(filterRows([3, 2, 1, 0], (i) => names[i], 'LAKE')).toEqual([3, 1, 0]);
    expect(filterRows([3, 2, 1, 0], (i) => names[i], '')).toEqual([3, 2, 1, 0]);
  });
});
