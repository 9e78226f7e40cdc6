/**
 * Benchmark: the worker's compute for the built-in demo (3,142 counties × 52 categories), run in
 * Node on the same engine code the worker runs: loading the demo files into a cube, then
 * computeIndicators for every year under each rule. Run alone: `npx tsx bench/demoCompute.ts`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { computeIndicators } from '../src/indicators/computeIndicators';
import { defaultDenominator, denominatorMask } from '../src/indicators/denominator';
import { DEFAULT_RULE, type RuleKind } from '../src/model/dataset';
import { loadDemoCube } from '../tests/e2e/page';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchDemoCompute(runs = 7) {
  execFileSync('npm', ['run', '-s', 'demo'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'ignore' });
  const loadStarted = performance.now();
  const cube = loadDemoCube();
  const loadMs = performance.now() - loadStarted;
  const rules: Record<string, { medianMs: number; perYearMs: number }> = {};
  for (const kind of ['eco', 'paper', 'cmp'] as RuleKind[]) {
    const rule = { ...DEFAULT_RULE, kind };
    const mask = denominatorMask(cube.categories, defaultDenominator(cube.categories, kind));
    const times: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const started = performance.now();
      for (let y = 0; y < cube.years.length; y++) {
        computeIndicators(
          {
            nRegions: cube.regions.length,
            nCategories: cube.categories.length,
            employment: cube.employment[y],
            establishments: cube.establishments?.[y],
            lqDenominatorMask: mask,
          },
          rule,
        );
      }
      if (run > 0) times.push(performance.now() - started); // first run warms the JIT
    }
    rules[kind] = { medianMs: median(times), perYearMs: median(times) / cube.years.length };
  }
  return {
    regions: cube.regions.length,
    categories: cube.categories.length,
    years: cube.years.length,
    loadCsvToCubeMs: loadMs,
    computeAllYears: rules,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchDemoCompute(), null, 2));
}
