import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectTransferables, packMessage, unpackMessage } from '../../../src/worker/transfer';

/** What postMessage does to a packed message: a structured clone (the typed arrays moved). */
const overTheWire = <T>(message: T): T => unpackMessage(structuredClone(packMessage(message)));

describe('messages between the page and its workers', () => {
  it('many categories cross as a few strings, one per column, not 100,000 objects, and come back equal', () => {
    const categories = Array.from({ length: 100_000 }, (_, i) => ({ id: `c${i}`, name: `Кластер “${i}”\n\u0000`, ...(i % 3 === 0 ? { group: 'traded' } : {}) }));
    const message = { id: 7, type: 'loaded', dataset: { categories, years: [2020], employment: [new Float64Array([1, 2])] } };
    const packed = packMessage(message) as unknown as { dataset: { categories: { columns: { joined?: string; json?: string }[] } } };
    // Ids joined by NUL; names holding a NUL and the group some records lack as JSON.
    expect(packed.dataset.categories.columns.map((c) => Object.keys(c)[0])).toEqual(['joined', 'json', 'json']);
    expect(packed.dataset.categories.columns.every((c) => typeof (c.joined ?? c.json) === 'string')).toBe(true);
    expect(message.dataset.categories).toBe(categories);
    const back = overTheWire(message);
    expect(back).toEqual(message);
    // One array reached twice stays one, as the structured clone keeps it.
    const twice = overTheWire({ dataset: { categories }, cube: { categories } });
    expect(twice.dataset.categories).toBe(twice.cube.categories);
    // A record without a group stays without the key, as it was.
    expect(Object.keys(back.dataset.categories[1])).toEqual(['id', 'name']);
  });

  it('any message comes back as it was sent (property)', () => {
    const record = fc.record({ id: fc.string(), name: fc.oneof(fc.string(), fc.string({ unit: 'binary' })), group: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['id', 'name'] });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.double()).map((xs) => Float64Array.from(xs)),
        fc.array(record, { minLength: 0, maxLength: 1_200 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (message) => {
        expect(overTheWire(message)).toEqual(message);
      }),
      { numRuns: 300 },
    );
  });

  it('an array of many empty records keeps its length', () => {
    const message = { rows: Array.from({ length: 1_500 }, () => ({})) };
    expect(overTheWire(message).rows).toHaveLength(1_500);
  });

  it('typed arrays, Maps and Blobs pass through, so their buffers are still moved', () => {
    const employment = new Float64Array(4);
    const flags = new Map([[1, 'b']]);
    const packed = packMessage({ cube: { employment: [employment], flags: [flags] }, regions: new Blob(['x']) });
    expect(packed.cube.employment[0]).toBe(employment);
    expect(packed.cube.flags[0]).toBe(flags);
    expect(collectTransferables(packed)).toEqual([employment.buffer]);
  });
});
