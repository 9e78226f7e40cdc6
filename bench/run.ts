/**
 * `npm run bench`: every benchmark in one run, side by side, as one JSON document on stdout.
 * Progress goes to stderr so stdout stays machine-readable. Budgets live here, not in tests.
 */
import { benchIndicators } from './indicators';
import { benchDemoCompute } from './demoCompute';
import { benchSpatial } from './spatial';
import { runIoBench } from './io';
import { benchPageLoad } from './pageLoad';
import { benchImportLarge } from './importLarge';
import { benchManyCategories } from './manyCategories';
import { benchAnalysis } from './analysis';
import { benchPack } from './pack';
import { benchIndustryTable } from './industryTable';
import { benchHostedPack } from './hostedPack';

const only = new Set(process.argv.slice(2));
const suites: [string, () => unknown][] = [
  ['indicators', () => benchIndicators()],
  ['demoCompute', () => benchDemoCompute()],
  ['spatial', () => benchSpatial()],
  ['io', () => runIoBench()],
  ['pageLoad', () => benchPageLoad()],
  ['importLarge', () => benchImportLarge()],
  ['manyCategories', () => benchManyCategories()],
  ['analysis', () => benchAnalysis()],
  ['pack', () => benchPack()],
  ['industryTable', () => benchIndustryTable()],
  ['hostedPack', () => benchHostedPack()],
];

const results: Record<string, unknown> = {
  machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: (await import('node:os')).cpus().length },
  startedAt: new Date().toISOString(),
};
for (const [name, run] of suites) {
  if (only.size > 0 && !only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { error: (error as Error).message };
    process.exitCode = 1;
  }
}
console.log(JSON.stringify(results, null, 2));
