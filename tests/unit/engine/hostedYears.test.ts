import { describe, expect, it } from 'vitest';
import { encodeCube } from '../../../src/io/cubeBlobs';
import { HostedYears } from '../../../src/engine/hostedYears';
import type { EmploymentCube } from '../../../src/model/dataset';

/** Three regions × two categories × three years, every value different: 100·year index + 10·region + category. */
function smallCube(): EmploymentCube {
  const years = [2018, 2019, 2020];
  return {
    regions: ['A', 'B', 'C'].map((id) => ({ id, name: id })),
    categories: [{ id: 'x', name: 'x' }, { id: 'y', name: 'y' }],
    years,
    employment: years.map((_, y) => Float64Array.from({ length: 6 }, (_, i) => 100 * y + 10 * Math.floor(i / 2) + (i % 2))),
  };
}

function hosted(kept: number[], failFirst = false) {
  const { index, files } = encodeCube(smallCube());
  const bytes = new Map(files.map((f) => [f.name, f.bytes]));
  const asked: string[] = [];
  let failed = !failFirst;
  const cube: EmploymentCube = { regions: kept.map((i) => ({ id: index.regions[i], name: index.regions[i] })), categories: smallCube().categories, years: index.years, employment: [] };
  const years = new HostedYears(index, cube, kept, async (file) => {
    asked.push(file);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (!failed) {
      failed = true;
      throw new Error(`${file}: could not be loaded (HTTP 503)`);
    }
    const b = bytes.get(file)!;
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
  return { years, cube, asked };
}

describe('HostedYears', () => {
  it('fetches a year once however many requests wait for it, and only the years asked for', async () => {
    const { years, cube, asked } = hosted([0, 1, 2]);
    expect(cube.employment.map((v) => v.length)).toEqual([0, 0, 0]);
    await Promise.all([years.ensure([1]), years.ensure([1, 1]), years.ensure([1])]);
    expect(asked).toEqual(['employment-2019.u16']);
    expect([...cube.employment[1]]).toEqual([100, 101, 110, 111, 120, 121]);
    expect(cube.employment[0]).toHaveLength(0);
    await years.ensureAll();
    expect(asked.sort()).toEqual(['employment-2018.u16', 'employment-2019.u16', 'employment-2020.u16']);
    expect(years.bytesFetched).toBe(3 * 6 * 2);
  });

  it('puts the values of the regions the join kept, in the joined order', async () => {
    const { years, cube } = hosted([2, 0]);
    await years.ensure([2]);
    expect([...cube.employment[2]]).toEqual([220, 221, 200, 201]);
  });

  it('a year that failed is asked for again, and the error reaches the request', async () => {
    const { years, cube, asked } = hosted([0, 1, 2], true);
    await expect(years.ensure([0])).rejects.toThrow('employment-2018.u16: could not be loaded (HTTP 503)');
    await years.ensure([0]);
    expect(asked).toEqual(['employment-2018.u16', 'employment-2018.u16']);
    expect(cube.employment[0][5]).toBe(21);
  });
});
