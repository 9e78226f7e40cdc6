import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** Runs the CLI as a user would (`npm run -s atlas -- …`), capturing exit code and both streams. */
export function atlas(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files the test makes into a fresh temporary folder, returning their paths. */
export function fixtureWriter(prefix: string): (name: string, bytes: Uint8Array | string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
}
