import type { EmploymentCube, RuleKind } from '../model/dataset';
import { defaultDenominator, denominatorMask } from './denominator';
import type { IndicatorInput } from './types';

/**
 * The engine's input for one year of a cube, with the rule's default LQ denominator (traded
 * employment under cmp when the categories carry that group, else all) — how the app's worker, the
 * CLI and the tests all call `computeIndicators`.
 */
export function yearInput(cube: EmploymentCube, yearIndex: number, ruleKind: RuleKind, denominator = defaultDenominator(cube.categories, ruleKind)): IndicatorInput {
  return {
    nRegions: cube.regions.length,
    nCategories: cube.categories.length,
    employment: cube.employment[yearIndex],
    establishments: cube.establishments?.[yearIndex],
    benchmark: cube.benchmark?.[yearIndex],
    lqDenominatorMask: denominatorMask(cube.categories, denominator),
  };
}
