import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../src/io/boundaries';
import { InputError } from '../../../src/io/errors';
import { MAX_JSON_DEPTH } from '../../../src/io/jsonStructure';
import { parseJsonText } from '../../../src/io/jsonText';
import { nestedJsonToCube } from '../../../src/io/nestedJson';

function problem(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('JSON that JSON.parse accepts silently', () => {
  it('duplicate keys in nested JSON employment are an error with their path and line, counted over the file', () => {
    const text = '{\n "Moscow": {"Mining": 10, "Retail": 5, "Mining": 99},\n "Tver": {"Mining": 1, "Mining": 2}\n}';
    const e = problem(() => nestedJsonToCube(text, 'emp.json'));
    expect(e.location).toMatchObject({ file: 'emp.json', line: 2, lineColumn: 40, path: '"Moscow" → "Mining"' });
    expect(e.message).toBe('emp.json, line 2:40 at "Moscow" → "Mining": the key "Mining" appears twice in the same object: JSON readers keep only the last value (2 repeated keys in the file)');
  });

  it('duplicate keys written with escapes are still the same key', () => {
    expect(() => parseJsonText('{"a":{"\\u004d":1,"M":2}}', 'x.json')).toThrow('x.json, line 1:18 at "a" → "M": the key "M" appears twice');
  });

  it('duplicate property keys in GeoJSON features are an error at the feature path', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] }).replace('{"id":"A"}', '{"id":"A","id":"B"}');
    expect(() => readBoundaries(text, 'b.geojson')).toThrow('at "features" → 0 → "properties" → "id": the key "id" appears twice');
  });

  it('duplicate keys in a hosted manifest are an error', () => {
    expect(() => parseJsonText('{"title":"A",\n"title":"B"}', 'manifest.json')).toThrow('manifest.json, line 2:1 at "title": the key "title" appears twice');
  });

  it('1e309 in JSON is a located "too large" error, not "null is not a number"', () => {
    expect(() => nestedJsonToCube('{"A": {"x": 1e309}}', 'big.json')).toThrow('big.json, line 1:13 at "A" → "x": the number 1e309 is too large (beyond ±1.8e308)');
    expect(() => nestedJsonToCube({ A: { x: '1e309' } }, 'big.json')).toThrow('big.json at "A" → "x": "1e309" is beyond the largest number (±1.8e308)');
    // Tiny numbers underflow to 0, which is a value, not an error.
    expect(parseJsonText('[1e-400]', 'small.json')).toEqual([0]);
  });

  it('deep nesting is a located error, not a stack overflow, in employment and in boundaries', () => {
    const deep = `{"A": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const e = problem(() => nestedJsonToCube(deep, 'deep.json'));
    expect(e.problem).toBe(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    expect(e.location.line).toBe(1);
    expect(e.location.path).toMatch(/^"A" → "x" → 0 → 0 → 0 → … \(\d+ more\) … → 0 → 0 → 0$/);
    const geo = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(50_000)}${']'.repeat(50_000)}}}]}`;
    expect(() => readBoundaries(geo, 'deep.geojson')).toThrow(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('a deeply nested parsed object passed straight to readBoundaries is a located error too', () => {
    let coordinates: unknown = [0, 0];
    for (let i = 0; i < 100_000; i++) coordinates = [coordinates];
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Polygon', coordinates } }] };
    const e = problem(() => readBoundaries(collection, 'deep.geojson'));
    expect(e.location.feature).toBe(0);
  });
});

describe('--measure names that exist on every object', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('--measure %s is "no measure …", not "undefined is not a number"', (measure) => {
    const data = '{"A": {"mining": {"emp": 1, "gdp": 2}}, "B": {"mining": {"emp": 3}}}';
    expect(() => nestedJsonToCube(data, 'm.json', { measure })).toThrow(`m.json: no measure "${measure}" (measures: emp, gdp)`);
  });

  it('an entry lacking the chosen measure is reported even when the measure is an Object method name', () => {
    const data = '{"A": {"mining": {"constructor": 1}, "retail": {"gdp": 4}}}';
    const { report, cube } = nestedJsonToCube(data, 'm.json', { measure: 'constructor' });
    expect([...cube.employment[0]]).toEqual([1]);
    expect(report.unused).toEqual([{ line: 0, reason: '"A" → "retail" has no measure constructor' }]);
  });
});
