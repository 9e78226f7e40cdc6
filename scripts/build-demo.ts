/**
 * Builds the demo dataset into public/geo/demo/ (git-ignored): real U.S. county boundaries from
 * the us-atlas package and a seeded synthetic economy (src/demo/README.md).
 *
 *   npm run demo                      # regenerate only if the generator or us-atlas changed
 *   npm run demo -- --force           # regenerate anyway
 *   npm run demo -- --seed 7 --out /tmp/demo7
 *
 * Runs before `dev` and `build`, so the up-to-date check avoids loading the generator at all:
 * it compares a hash of the generator's sources, the us-atlas version and the seed with the
 * stamp written next to the outputs.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoSources = join(root, 'src/demo');
const STAMP = 'build-stamp.json';
// Kept in step with DEMO_FILE_NAMES in src/demo/files.ts (checked after each build).
// The year files are named in cube.json (`upToDate` checks them too).
const OUTPUTS = ['manifest.json', 'regions.geojson', 'outlines.geojson', 'categories.csv', 'employment.csv', 'establishments.csv', 'cube.json'];
const DEFAULT_OUT = join(root, 'public/geo/demo');

interface Options {
  seed: number;
  out: string;
  force: boolean;
}

function usage(message: string): never {
  console.error(`build-demo: ${message}\nusage: npm run demo -- [--seed <integer>] [--out <folder>] [--force]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { seed: 1, out: DEFAULT_OUT, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') options.force = true;
    else if (arg === '--seed' || arg === '--out') {
      const value = argv[++i];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--out') options.out = resolve(value);
      else {
        const seed = Number(value);
        if (!/^\d+$/.test(value) || seed > 0xffffffff) usage(`--seed must be an integer from 0 to 4294967295, got "${value}"`);
        options.seed = seed;
      }
    } else usage(`unknown argument "${arg}"`);
  }
  return options;
}

/** Hash of everything the outputs depend on. */
function generatorHash(seed: number): string {
  const hash = createHash('sha256');
  const files = readdirSync(demoSources)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(demoSources, f));
  // The binary cube's encoder shapes the year files as much as the generator does.
  files.push(fileURLToPath(import.meta.url), join(root, 'src/model/dataset.ts'), join(root, 'src/io/cubeBlobs.ts'));
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const usAtlas = createRequire(import.meta.url)('us-atlas/package.json') as { version: string };
  hash.update(`us-atlas@${usAtlas.version}\0seed=${seed}`);
  return hash.digest('hex');
}

function upToDate(out: string, hash: string): boolean {
  const stampPath = join(out, STAMP);
  if (!existsSync(stampPath) || !OUTPUTS.every((f) => existsSync(join(out, f)))) return false;
  try {
    const index = JSON.parse(readFileSync(join(out, 'cube.json'), 'utf8')) as { employment?: { file: string }[]; establishments?: { file: string }[] };
    const yearFiles = [...(index.employment ?? []), ...(index.establishments ?? [])].map((blob) => blob.file);
    if (yearFiles.length === 0 || !yearFiles.every((f) => existsSync(join(out, f)))) return false;
    return (JSON.parse(readFileSync(stampPath, 'utf8')) as { hash?: string }).hash === hash;
  } catch {
    return false;
  }
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** The folder as the user would type it: relative inside the project, absolute outside. */
function shown(folder: string): string {
  const rel = relative(root, folder);
  return rel === '' || rel.startsWith('..') ? folder : rel;
}

/** Lists the demo in public/geo/datasets.json (the hosted datasets the app offers), beside any packed ones. */
async function registerDemo(out: string): Promise<void> {
  if (out !== DEFAULT_OUT) return;
  const { registerDataset } = await import('../src/pack/indexFile');
  const { title } = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { title: string };
  registerDataset(dirname(out), { id: 'demo', title, manifest: 'demo/manifest.json', synthetic: true });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const hash = generatorHash(options.seed);
  if (!options.force && upToDate(options.out, hash)) {
    console.log(`demo dataset up to date in ${shown(options.out)} (seed ${options.seed})`);
    await registerDemo(options.out);
    return;
  }

  const { buildDemo, demoFiles } = await import('../src/demo/index');
  const { DEMO_FILE_NAMES } = await import('../src/demo/files');
  if (DEMO_FILE_NAMES.join() !== OUTPUTS.join()) throw new Error('build-demo: OUTPUTS differs from DEMO_FILE_NAMES');

  const demo = buildDemo(options.seed);
  const files = demoFiles(demo);
  mkdirSync(options.out, { recursive: true });
  // Write each file under a temporary name and rename it, and the stamp last: an interrupted
  // run leaves no half-written file that a later run would take as up to date, and a concurrent
  // run (e.g. two builds started at once) never reads a half-written file.
  const sizes: Record<string, number> = {};
  for (const [name, text] of files) {
    const target = join(options.out, name);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
    sizes[name] = statSync(target).size;
  }
  writeFileSync(join(options.out, STAMP), JSON.stringify({ generator: 'scripts/build-demo.ts', seed: options.seed, hash }, null, 2) + '\n');
  await registerDemo(options.out);

  const { cube } = demo.economy;
  const last = cube.employment[cube.employment.length - 1];
  let jobs = 0;
  for (const v of last) jobs += v;
  const ms = performance.now() - started;
  console.log(
    `demo dataset written to ${shown(options.out)} in ${(ms / 1000).toFixed(1)} s: ` +
      `${cube.regions.length} counties × ${cube.categories.length} categories × ${cube.years.length} years ` +
      `(${cube.years.join(', ')}), ${(jobs / 1e6).toFixed(1)} million jobs in ${cube.years[cube.years.length - 1]}, seed ${options.seed}`,
  );
  for (const [name, size] of Object.entries(sizes)) console.log(`  ${name.padEnd(24)} ${kib(size).padStart(9)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `build-demo: ${error.message}` : error);
  process.exit(1);
});
