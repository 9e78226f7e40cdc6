import { describe, expect, it } from 'vitest';
import { cagr, indicatorChange } from '../../../src/indicators/change';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import {
  LIFE_CYCLE_STAGES,
  STAGE_AGGLOMERATION,
  STAGE_DEVELOPING,
  STAGE_EMERGING,
  STAGE_MATURE,
  STAGE_NONE,
  STAGE_TRANSFORMATION,
  lifeCycleStage,
} from '../../../src/indicators/lifeCycle';
import { DEFAULT_RULE, STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../../../src/model/dataset';
import { table } from './helpers';

describe('indicatorChange, hand-computed', () => {
  // Two regions, two categories, 2010 → 2015.
  const e0 = table([[100, 50], [10, 40]]);
  const e1 = table([[121, 50], [40, null]]);
  const snap = (year: number, input: typeof e0) => ({ year, employment: input.employment, result: computeIndicators(input, DEFAULT_RULE) });
  const ch = indicatorChange(snap(2010, e0), snap(2015, e1));

  it('absolute change and CAGR', () => {
    expect([...ch.absolute]).toEqual([21, 0, 30, NaN]);
    expect(ch.cagr[0]).toBeCloseTo(Math.pow(1.21, 1 / 5) - 1, 15);
    expect(ch.cagr[1]).toBe(0);
    expect(ch.cagr[2]).toBeCloseTo(Math.pow(4, 1 / 5) - 1, 15);
    expect(ch.cagr[3]).toBeNaN();
    // Category A: 110 → 161.
    expect(ch.categoryCagr[0]).toBeCloseTo(Math.pow(161 / 110, 1 / 5) - 1, 15);
    expect([ch.fromYear, ch.toYear]).toEqual([2010, 2015]);
  });

  it('LQ change', () => {
    // 2010: LQ(R1,A) = (100/150)/(110/200); 2015: (121/171)/(161/211).
    expect(ch.lqChange[0]).toBeCloseTo(121 / 171 / (161 / 211) - 100 / 150 / (110 / 200), 14);
  });

  it('stars gained and lost as bitmasks', () => {
    // 2010, ⌈0.1·2⌉ = 1: A: R1 size + focus (.667 vs .2); B: R1 size (50 > 40), R2 focus (.8 > .333).
    // 2015: A: R1 size, R2 focus (1.0 > .708); B: R2 not reported → R1 alone gets size + focus.
    expect(ch.starsLost[0]).toBe(STAR_FOCUS);
    expect(ch.starsGained[0]).toBe(0);
    expect(ch.starsGained[1]).toBe(STAR_FOCUS);
    expect(ch.starsGained[2]).toBe(STAR_FOCUS);
    expect(ch.starsLost[3]).toBe(STAR_FOCUS);
  });

  it('cagr edge cases', () => {
    expect(cagr(0, 10, 5)).toBeNaN();
    expect(cagr(10, 0, 5)).toBe(-1);
    expect(cagr(10, 20, 0)).toBeNaN();
  });

  it('rejects tables of different shapes', () => {
    expect(() => indicatorChange(snap(2010, e0), snap(2015, table([[1, 2, 3]])))).toThrow(/differ/);
  });
});

describe('life-cycle rule, case by case', () => {
  const base = { e0: 10, e1: 10, stars0: 0, stars1: 0, lq1: 0.5, relativeGrowth: 0 };
  const stage = (x: Partial<typeof base>) => LIFE_CYCLE_STAGES[lifeCycleStage({ ...base, ...x })];

  it.each([
    [{ e0: NaN }, 'none'],
    [{ e1: NaN, stars0: 2 }, 'none'],
    [{}, 'none'],
    [{ lq1: 1.01 }, 'agglomeration'],
    [{ lq1: 1 }, 'none'],
    [{ lq1: 3, relativeGrowth: -0.2 }, 'agglomeration'],
    [{ stars1: 1, relativeGrowth: 0.05 }, 'emerging'],
    [{ stars1: 3, relativeGrowth: 0 }, 'emerging'],
    [{ stars1: 1, relativeGrowth: -0.05 }, 'transformation'],
    [{ stars0: 1, stars1: 2, relativeGrowth: 0.05 }, 'developing'],
    [{ stars0: 1, stars1: 1, relativeGrowth: 0.004 }, 'developing'],
    [{ stars0: 2, stars1: 2, relativeGrowth: 0.004 }, 'mature'],
    [{ stars0: 3, stars1: 3, relativeGrowth: -0.004 }, 'mature'],
    [{ stars0: 3, stars1: 3, relativeGrowth: -0.006 }, 'transformation'],
    [{ stars0: 3, stars1: 2, relativeGrowth: 0.1 }, 'transformation'],
    [{ stars0: 1, stars1: 0, e1: 0 }, 'transformation'],
    [{ e0: 0, e1: 5, stars1: 1, relativeGrowth: Infinity }, 'emerging'],
  ])('%j → %s', (x, expected) => {
    expect(stage(x)).toBe(expected);
  });

  it('the tolerance is a parameter', () => {
    const x = { ...base, stars0: 2, stars1: 2, relativeGrowth: -0.01 };
    expect(lifeCycleStage(x)).toBe(STAGE_TRANSFORMATION);
    expect(lifeCycleStage(x, 0.02)).toBe(STAGE_MATURE);
  });
});

describe('life-cycle stage on constructed trajectories', () => {
  /*
   * Ten regions of 100 jobs; category T holds 10 + r jobs in region r, O the rest, so R9 alone
   * has T's size and focus stars (LQ 1.31). R0's own T trajectory (t0 → t1 over five years) is
   * what each case varies; `others` adds jobs in T to every other region in the later year.
   */
  function stageOfR0(t0: number | null, t1: number, others = 0) {
    const rows = (t: number | null, extra: number) =>
      Array.from({ length: 10 }, (_, r) => (r === 0 ? [t, 100 - (t ?? 0)] : [10 + r + extra, 90 - r - extra]));
    const snap = (year: number, input: ReturnType<typeof table>) => ({ year, employment: input.employment, result: computeIndicators(input, DEFAULT_RULE) });
    const a = snap(2010, table(rows(t0, 0)));
    const b = snap(2015, table(rows(t1, others)));
    const ch = indicatorChange(a, b);
    return { stage: ch.stage[0], stars0: a.result.stars[0], stars1: b.result.stars[0] };
  }

  it('emerging: first stars, growing faster than the category', () => {
    const s = stageOfR0(10, 40);
    expect([s.stars0, s.stars1]).toEqual([0, STAR_SIZE | STAR_SPECIALISATION | STAR_FOCUS]);
    expect(s.stage).toBe(STAGE_EMERGING);
  });

  it('agglomeration: LQ above 1 without stars', () => {
    const s = stageOfR0(10, 17);
    expect(s.stars1).toBe(0);
    expect(s.stage).toBe(STAGE_AGGLOMERATION);
  });

  it('developing: more stars and growing', () => {
    const s = stageOfR0(25, 40);
    expect([s.stars0, s.stars1]).toEqual([STAR_SIZE | STAR_FOCUS, STAR_SIZE | STAR_SPECIALISATION | STAR_FOCUS]);
    expect(s.stage).toBe(STAGE_DEVELOPING);
  });

  it('mature: the same two stars, stable', () => {
    const s = stageOfR0(25, 25);
    expect([s.stars0, s.stars1]).toEqual([STAR_SIZE | STAR_FOCUS, STAR_SIZE | STAR_FOCUS]);
    expect(s.stage).toBe(STAGE_MATURE);
  });

  it('transformation: stars lost', () => {
    const s = stageOfR0(40, 25);
    expect(s.stage).toBe(STAGE_TRANSFORMATION);
  });

  it('transformation: stars kept but share lost while the category grows elsewhere', () => {
    const s = stageOfR0(25, 25, 2);
    expect([s.stars0, s.stars1]).toEqual([STAR_SIZE | STAR_FOCUS, STAR_SIZE | STAR_FOCUS]);
    expect(s.stage).toBe(STAGE_TRANSFORMATION);
  });

  it('none: below-average and starless, or not reported in the first year', () => {
    expect(stageOfR0(10, 10).stage).toBe(STAGE_NONE);
    expect(stageOfR0(null, 40).stage).toBe(STAGE_NONE);
  });
});
