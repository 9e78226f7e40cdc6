/**
 * What every CLI command shares: its signature, how failures become exit codes, reading input
 * files, and writing CSV to stdout or a file.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InputError, UsageError } from '../io/errors';
import { decodeText, type TextEncoding } from '../io/textDecoding';
import { csvField } from '../io/csvText';

/** Runs with the arguments after the command name; resolves to the exit code. */
export type Command = (argv: string[]) => Promise<number>;

export { UsageError };

/** Exit codes: 1 bad input (file, line, problem), 2 bad usage; anything else is a bug and rethrown. */
export function reportFailure(command: string, error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`atlas ${command}: ${error.message}\n${error.usage}`);
    return 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`atlas ${command}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

/**
 * A file's text, decoded as the app decodes it (encoding recognised, or `encoding` as chosen with
 * --encoding), or an InputError naming it (missing, a directory, unreadable, not cleanly decodable).
 */
export function readText(path: string, encoding?: TextEncoding): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new InputError({ file: path }, why);
  }
  return decodeText(bytes, path, encoding).text;
}

/**
 * Writes CSV rows (LF line ends, empty cells for undefined numbers) to stdout or to `path`,
 * in chunks so that millions of rows never become one string, honouring back-pressure.
 */
export async function writeCsv(path: string | undefined, header: readonly string[], rows: Iterable<readonly (string | number)[]>): Promise<void> {
  const out: Writable = path ? createWriteStream(path) : process.stdout;
  // Rejects when the stream fails (e.g. the folder does not exist); raced against every wait.
  const failed = new Promise<never>((_, reject) => {
    out.once('error', (e: Error) => reject(path ? new InputError({ file: path }, `cannot be written (${e.message})`) : e));
  });
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  let chunk = header.map(csvField).join(',') + '\n';
  for (const row of rows) {
    chunk += row.map(csvField).join(',') + '\n';
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  if (path) {
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  }
}
