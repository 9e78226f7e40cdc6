import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LABELS, placeBoxes, type Box } from '../../../src/map/placeLabels';
import { placeNames } from '../../../src/map/overlays';

const view = { width: 200, height: 100 };
const box = (x: number, y: number, width = 40, height = 14): Box => ({ x, y, width, height });

describe('place names: which fit', () => {
  it('keeps the first of two overlapping names, and both when apart (by hand)', () => {
    expect(placeBoxes([[box(10, 10)], [box(30, 15)]], view)).toEqual([0, -1]);
    expect(placeBoxes([[box(30, 15)], [box(10, 10)]], view)).toEqual([0, -1]);
    expect(placeBoxes([[box(10, 10)], [box(60, 10)]], view)).toEqual([0, 0]);
    // Within the 3 px gap counts as touching.
    expect(placeBoxes([[box(10, 10)], [box(52, 10)]], view)).toEqual([0, -1]);
  });

  it('moves a name to its next position (a line below) when the first overlaps', () => {
    expect(placeBoxes([[box(10, 10)], [box(30, 15), box(30, 0), box(30, 30)]], view)).toEqual([0, 2]);
  });

  it('leaves out names outside the view, skipped regions and any beyond the maximum', () => {
    expect(placeBoxes([[box(-5, 10)], [box(170, 10)], [box(10, 90)], undefined, [box(10, 10)]], view)).toEqual([-1, -1, -1, -1, 0]);
    const many = Array.from({ length: MAX_LABELS + 5 }, (_, i) => [box((i % 20) * 50, Math.floor(i / 20) * 20, 40, 14)]);
    expect(placeBoxes(many, { width: 1000, height: 1000 }).filter((k) => k >= 0)).toHaveLength(MAX_LABELS);
  });

  it('never shows two overlapping names, and shows a name wherever it would not overlap (property)', () => {
    const arb = fc.array(fc.record({ x: fc.integer({ min: 0, max: 160 }), y: fc.integer({ min: 0, max: 86 }), width: fc.integer({ min: 5, max: 40 }), height: fc.constant(14) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (boxes) => {
        const shown = placeBoxes(boxes.map((b) => [b]), view).map((k) => k === 0);
        const kept = boxes.filter((_, i) => shown[i]);
        const apart = (a: Box, b: Box) => a.x + a.width + 3 <= b.x || b.x + b.width + 3 <= a.x || a.y + a.height + 3 <= b.y || b.y + b.height + 3 <= a.y;
        for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(apart(kept[i], kept[j])).toBe(true);
        // Greedy: a name left out overlaps one shown before it.
        boxes.forEach((b, i) => {
          if (!shown[i]) expect(boxes.slice(0, i).some((a, k) => shown[k] && !apart(a, b))).toBe(true);
        });
      }),
    );
  });
});

describe('place names: in the interface’s language', () => {
  const places = { ids: ['Бурятия', 'Тыва', 'X'], labels: new Float64Array(6), bounds: new Float64Array(12), latinNames: ['Republic of Buryatia', '', 'Nowhere'] };
  const regions = [
    { id: 'Бурятия', name: 'Бурятия' },
    { id: 'Тыва', name: 'Тыва' },
  ];

  it('shows Latin names in English where the dataset has them, the data’s names in Russian', () => {
    expect(placeNames(places, regions, 'en')).toEqual(['Republic of Buryatia', 'Тыва', 'Nowhere']);
    expect(placeNames(places, regions, 'ru')).toEqual(['Бурятия', 'Тыва', '']);
    expect(placeNames({ ...places, latinNames: undefined }, regions, 'en')).toEqual(['Бурятия', 'Тыва', '']);
  });
});
