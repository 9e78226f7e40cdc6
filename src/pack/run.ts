/**
 * `npm run dataset`: reads the inputs from disk, packs them (packDataset), prints the report, and
 * writes the dataset folder and its entry in datasets.json. Node only; the packing itself is pure.
 *
 * Exit codes: 0 packed (warnings may have been printed), 1 bad input or a strict run refused,
 * 2 bad usage. Nothing is written unless the whole pack succeeded.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { InputError, UsageError } from '../io/errors';
import type { DatasetIndexEntry } from '../io/datasetIndex';
import type { DatasetManifest } from '../io/manifest';
import { decodeText } from '../io/textDecoding';
import { parsePackArgs } from './args';
import { industryTableInputs } from './industryInputs';
import { indexWith, writeIndex } from './indexFile';
import type { InputFile } from './inputs';
import { OUTPUT_FILES, YEAR_FILE, packDataset } from './packDataset';
import { formatBytes, formatPackReport, formatWarnings } from './report';

export interface Console {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Extensions of files a folder may hold as inputs; anything else in it is listed as ignored. */
const DATA_EXTENSIONS = new Set(['.geojson', '.json', '.topojson', '.zip', '.csv', '.tsv', '.txt', '.shp', '.dbf', '.xlsx', '.xls', '.ods']);

/** `program` starts every message: "dataset" for `npm run dataset`, "atlas pack" for the CLI command. */
export async function runPack(argv: string[], io: Console = processConsole, program = 'dataset'): Promise<number> {
  try {
    return await pack(argv, io, program);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${program}: ${error.message}\n${error.usage}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`${program}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function pack(argv: string[], io: Console, program: string): Promise<number> {
  const started = performance.now();
  const args = parsePackArgs(argv);
  const namesPath = args.names ? resolve(args.names) : undefined;
  const { files, ignored } = collectInputs(args.inputs, namesPath);
  const nameFixes = args.names ? readInput(args.names) : undefined;
  const where = args.inputs.join(', ');

  // An industry-level table is summed into categories first; its category table joins the inputs.
  const industry = args.industry ? await industryTableInputs(args.industry, decodeText(readInput(args.industry.mapping).bytes, args.industry.mapping).text) : undefined;
  if (industry) files.push(...industry.files);
  const result = await packDataset(files, { ...args.options, where }, nameFixes, industry?.aggregated);
  io.out(formatPackReport(result));
  if (ignored.length > 0) io.out(`note: ignored in the input folder (not a data file): ${ignored.join(', ')}\n`);
  if (args.strict && result.warnings.length > 0) {
    io.err(formatWarnings(result.warnings, 'error'));
    io.err(`${program}: --strict: ${result.warnings.length} problem(s) above; nothing written (the full join report is what join-report.csv would hold)\n`);
    return 1;
  }
  io.err(formatWarnings(result.warnings, 'warning'));

  const out = resolve(args.out);
  // The index is read before anything is written: a broken one stops the run with nothing changed.
  const index = args.index
    ? indexWith(dirname(out), {
        id: result.manifest.id,
        title: result.manifest.title,
        manifest: `${basename(out)}/manifest.json`,
        ...(result.manifest.synthetic ? { synthetic: true } : {}),
        ...indexTexts(result.manifest),
      })
    : undefined;
  writeFolder(out, [...result.blobs.map((b) => ({ name: b.name, text: b.bytes })), ...result.files]);
  const sizes = result.files.map((f) => `${f.name} ${formatBytes(statSync(join(out, f.name)).size)}`);
  if (result.blobs.length > 0) sizes.push(`${result.blobs.length} year file(s) ${formatBytes(result.blobs.reduce((sum, b) => sum + b.bytes.length, 0))}`);
  io.out(`wrote ${shown(out)}: ${sizes.join(', ')}\n`);
  if (index) {
    writeIndex(index.path, index.text);
    io.out(`${index.replaced ? 'updated' : 'added'} "${result.manifest.id}" in ${shown(index.path)}\n`);
  }
  io.out(`packed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

/** The given files, and the data files of the given folders (not recursive, hidden files skipped). */
function collectInputs(paths: string[], exclude: string | undefined): { files: InputFile[]; ignored: string[] } {
  const files: InputFile[] = [];
  const ignored: string[] = [];
  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new InputError({ file: path }, 'no such file or folder');
    }
    if (!isFolder) {
      files.push(readInput(path));
      continue;
    }
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (name.startsWith('.') || resolve(full) === exclude || !statSync(full).isFile()) continue;
      if (DATA_EXTENSIONS.has(extname(name).toLowerCase())) files.push(readInput(full));
      else ignored.push(name);
    }
  }
  return { files, ignored };
}

function readInput(path: string): InputFile {
  try {
    return { name: path, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ file: path }, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`);
  }
}

/**
 * Each file goes in under a temporary name and is renamed, so a reader never sees half a file;
 * files of an earlier pack that this one does not write (e.g. establishments.csv) are removed.
 */
function writeFolder(folder: string, files: { name: string; text: string | Uint8Array }[]): void {
  mkdirSync(folder, { recursive: true });
  for (const { name, text } of files) {
    const target = join(folder, name);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  }
  const written = new Set(files.map((f) => f.name));
  for (const name of OUTPUT_FILES) if (!written.has(name)) rmSync(join(folder, name), { force: true });
  for (const name of readdirSync(folder)) if (YEAR_FILE.test(name) && !written.has(name)) rmSync(join(folder, name), { force: true });
}

/** What the picker shows of a dataset before opening it. */
function indexTexts(m: DatasetManifest): Partial<DatasetIndexEntry> {
  const years = m.years && m.years.length > 0 ? (m.years.length > 1 ? `${m.years[0]}–${m.years[m.years.length - 1]}` : String(m.years[0])) : undefined;
  const texts: Partial<DatasetIndexEntry> = {};
  if (m.unit) texts.unit = m.unit;
  const period = m.period ?? years;
  if (period) texts.period = period;
  if (m.source) texts.source = m.source;
  if (m.licence) texts.licence = m.licence;
  texts.attribution = m.attribution;
  return texts;
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
