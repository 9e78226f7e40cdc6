/**
 * Industry-level input at County Business Patterns scale: a region × 6-digit code × year CSV of
 * `BENCH_INDUSTRY_ROWS` rows (default 10 million; the goal is ≤ 20 s and ≤ 2 GB peak memory,
 * and 50 million must finish under the same ceiling), run through `atlas indicators
 * --industry-map` in a child process so that its wall time and peak resident memory (DuckDB's
 * native memory included) are its own. Also reported: the same rows gzipped, and the cost of
 * one plain read of the file's bytes for scale.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Deterministic CBP-like rows: 3,142 counties × codes at every NAICS level × years, some suppressed. */
async function writeTable(file: string, rows: number): Promise<{ bytes: number; rows: number }> {
  const counties = 3142;
  const years = Math.max(1, Math.ceil(rows / (counties * 1000)));
  const codesPerYear = Math.ceil(rows / (counties * years));
  // Codes at several levels, as CBP writes them: 2-digit "31----", 3-digit "311///", 6-digit "311111".
  const codes: string[] = [];
  for (let s = 11; codes.length < codesPerYear; s++) {
    codes.push(`${s}----`);
    for (let t = 0; t < 10 && codes.length < codesPerYear; t++) {
      codes.push(`${s}${t}///`);
      for (let u = 0; u < 40 && codes.length < codesPerYear; u++) codes.push(`${s}${t}${String(100 + u).slice(1)}${u % 10}`);
    }
  }
  const out = createWriteStream(file);
  out.write('fipstate,fipscty,naics,emp,empflag,est,year\n');
  let written = 0;
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const flags = 'ABCEFG';
  for (let y = 0; y < years && written < rows; y++) {
    for (let c = 0; c < counties && written < rows; c++) {
      const state = String(1 + (c % 56)).padStart(2, '0');
      const county = String(1 + Math.floor(c / 56) * 2).padStart(3, '0');
      let chunk = '';
      for (let k = 0; k < codes.length && written < rows; k++, written++) {
        const r = next();
        const suppressed = r % 7 === 0;
        chunk += `${state},${county},${codes[k]},${suppressed ? 0 : r % 5000},${suppressed ? flags[r % 6] : ''},${1 + (r % 40)},${2012 + y}\n`;
      }
      if (!out.write(chunk)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { bytes: statSync(file).size, rows: written };
}

function runCli(employment: string, mapping: string) {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', `
      const { runIndicators } = await import(${JSON.stringify(new URL('../src/cli/indicatorsCommand.ts', import.meta.url).pathname)});
      const code = await runIndicators(['--employment', ${JSON.stringify(employment)}, '--industry-map', ${JSON.stringify(mapping)}, '--memory-limit', '1GB', '--out', '/dev/null']);
      const usage = process.resourceUsage();
      process.stderr.write('maxRSS_kB=' + usage.maxRSS + ' cpu_us=' + (usage.userCPUTime + usage.systemCPUTime) + '\\n');
      process.exitCode = code;
    `],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`atlas indicators --industry-map failed: ${child.stderr.slice(-2000)}`);
  const rss = Number(/maxRSS_kB=(\d+)/.exec(child.stderr)?.[1] ?? NaN);
  // CPU time of all its threads: on a loaded machine the wall time says more about the neighbours.
  const cpu = Number(/cpu_us=(\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1e6;
  return { seconds: Math.round(seconds * 100) / 100, cpuSeconds: Math.round(cpu * 100) / 100, peakRssMB: Math.round(rss / 1024) };
}

export async function benchIndustryTable(rows = Number(process.env.BENCH_INDUSTRY_ROWS ?? 10_000_000)) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-industry-'));
  try {
    const file = join(dir, 'cbp.csv');
    const mapping = join(dir, 'mapping.csv');
    // About 50 categories by 3-digit prefix, as a cluster definition maps NAICS codes.
    const lines = ['code_prefix,category'];
    for (let s = 11; s < 99; s += 2) for (let t = 0; t < 10; t += 5) lines.push(`${s}${t},c${s}${t}`);
    writeFileSync(mapping, lines.join('\n') + '\n');
    const written = await writeTable(file, rows);
    const readStarted = performance.now();
    // In steps: a file over 512 MB cannot become one string in V8.
    const bytes = readFileSync(file);
    const decoder = new TextDecoder();
    const STEP = 64 << 20;
    for (let at = 0; at < bytes.length; at += STEP) decoder.decode(bytes.subarray(at, at + STEP), { stream: at + STEP < bytes.length });
    const plainReadSeconds = (performance.now() - readStarted) / 1000;
    const csv = runCli(file, mapping);
    return {
      rows: written.rows,
      megabytes: Math.round(written.bytes / 1e6),
      csv,
      rowsPerSecond: Math.round(written.rows / csv.seconds),
      plainReadAndDecodeSeconds: Math.round(plainReadSeconds * 100) / 100,
      ratioToPlainRead: Math.round((csv.seconds / plainReadSeconds) * 10) / 10,
      goal: { seconds: 20, peakRssMB: 2048 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIndustryTable(), null, 2));
}
