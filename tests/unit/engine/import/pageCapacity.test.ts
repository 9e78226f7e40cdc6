import { describe, expect, it } from 'vitest';
import { checkPageCapacity, MAX_PAGE_VALUES } from '../../../../src/engine/import/pageCapacity';
import type { EmploymentCube } from '../../../../src/model/dataset';

const cube = (regions: number, categories: number, years: number) =>
  ({ regions: { length: regions }, categories: { length: categories }, years: Array.from({ length: years }, (_, i) => 2000 + i) }) as unknown as EmploymentCube;

describe('categories × regions the page can hold', () => {
  it('a table beyond the page\'s capacity is refused with the sizes and a pointer to the command line', () => {
    expect(MAX_PAGE_VALUES).toBe(30_000_000);
    expect(() => checkPageCapacity(cube(2, 1_000_000, 16), 'huge.csv')).toThrow(
      'huge.csv: 2 regions × 1,000,000 categories × 16 year(s) = 32,000,000 values, more than the page can hold (30,000,000): compute the indicators with the command line (atlas indicators --employment huge.csv), or keep fewer categories or years',
    );
  });

  it('10^6 categories × 2 regions for one year, and exactly the limit, are taken', () => {
    expect(() => checkPageCapacity(cube(2, 1_000_000, 1), 'big.csv')).not.toThrow();
    expect(() => checkPageCapacity(cube(3_000, 10_000, 1), 'edge.csv')).not.toThrow();
    expect(() => checkPageCapacity(cube(3_001, 10_000, 1), 'edge.csv')).toThrow(/more than the page can hold/);
  });
});
