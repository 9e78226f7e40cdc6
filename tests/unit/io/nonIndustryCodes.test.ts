import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import { nestedJsonToCube } from '../../../src/io/nestedJson';
import { nonIndustryCodes } from '../../../src/io/nonIndustryCodes';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { DEFAULT_RULE } from '../../../src/model/dataset';
import { lqAt } from '../../../src/indicators/cellValues';

const cat = (id: string, name = id) => ({ id, name });

describe('codes that are not industries', () => {
  it('recognises totals, non-answers and aggregates given beside their parts', () => {
    const found = nonIndustryCodes([cat('A'), cat('B-E'), cat('C'), cat('F'), cat('M_N'), cat('NRP', 'No response (NRP)'), cat('TOTAL'), cat('Всего по Российской Федерации'), cat('G-I')]);
    expect(found).toEqual([
      { id: 'B-E', name: 'B-E', reason: 'aggregate', parts: ['C'] },
      { id: 'NRP', name: 'No response (NRP)', reason: 'no-response' },
      { id: 'TOTAL', name: 'TOTAL', reason: 'total' },
      { id: 'Всего по Российской Федерации', name: 'Всего по Российской Федерации', reason: 'total' },
    ]);
  });

  it('keeps an aggregate whose parts are not in the table (B-E is a section of A*10)', () => {
    expect(nonIndustryCodes([cat('A'), cat('B-E'), cat('F'), cat('G-I'), cat('M_N'), cat('R-U')])).toEqual([]);
    expect(nonIndustryCodes([cat('Строительство'), cat('Транспорт и связь'), cat('Другие виды деятельности')])).toEqual([]);
  });

  it('leaves NRP out of a table by default, so Luxembourg-like answers no longer make an "industry"; kept on request', () => {
    // Region L: 10 A, 10 F, 80 NRP; region M: 50 A, 50 F.
    const csv = 'region,category,employment\nL,A,10\nL,F,10\nL,NRP,80\nM,A,50\nM,F,50\n';
    const { cube, report } = longTableToCube(parseDelimited(csv, 't.csv'));
    expect(cube.categories.map((c) => c.id)).toEqual(['A', 'F']);
    expect(report.nonIndustry).toEqual([{ id: 'NRP', name: 'NRP', reason: 'no-response', cells: 1, detail: 'NRP: no response / not stated, not an industry' }]);
    expect(report.notes.join('\n')).toContain('--keep-non-industry');
    // Without NRP: E(L) = 20, E(A) = 60, E = 120 → LQ(L, A) = (10/20)/(60/120) = 1.
    const result = computeIndicators({ nRegions: 2, nCategories: 2, employment: cube.employment[0] }, DEFAULT_RULE);
    expect(lqAt(result, 0)).toBeCloseTo(1, 12);

    const kept = longTableToCube(parseDelimited(csv, 't.csv'), undefined, { keepNonIndustry: true });
    expect(kept.cube.categories.map((c) => c.id)).toEqual(['A', 'F', 'NRP']);
    expect(kept.report.nonIndustry).toBeUndefined();
    // With NRP: LQ(L, NRP) = (80/100)/(80/200) = 2, the top "industry" of L.
    const withNrp = computeIndicators({ nRegions: 2, nCategories: 3, employment: kept.cube.employment[0] }, DEFAULT_RULE);
    expect(lqAt(withNrp, 2)).toBeCloseTo(2, 12);
  });

  it('leaves a "Всего по …" row of a nested Rosstat-like table out of the categories', () => {
    const json = JSON.stringify({ 'Москва': { 'Строительство': 5, 'Всего по региону': 20, 'Транспорт и связь': 15 } });
    const { cube, report } = nestedJsonToCube(json, 'r.json', { defaultYear: 2015 });
    expect(cube.categories.map((c) => c.id)).toEqual(['Строительство', 'Транспорт и связь']);
    expect(report.nonIndustry?.map((c) => c.reason)).toEqual(['total']);
  });

  it('takes a categories table as given, and a table of nothing but totals whole', () => {
    const csv = 'region,category,employment\nL,TOTAL,10\nM,TOTAL,5\n';
    expect(longTableToCube(parseDelimited(csv, 't.csv')).cube.categories.map((c) => c.id)).toEqual(['TOTAL']);
    const closed = longTableToCube(parseDelimited('region,category,employment\nL,A,1\nL,NRP,2\n', 't.csv'), undefined, { categories: [cat('A'), cat('NRP')] });
    expect(closed.cube.categories.map((c) => c.id)).toEqual(['A', 'NRP']);
  });
});
