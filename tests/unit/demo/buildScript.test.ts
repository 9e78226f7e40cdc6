import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_FILE_NAMES } from '../../../src/demo/files';

const root = resolve(import.meta.dirname, '../../..');
const out = mkdtempSync(join(tmpdir(), 'cluster-atlas-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(...args: string[]): string {
  return execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-demo.ts'), '--out', out, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('scripts/build-demo.ts', () => {
  it('writes the dataset, then skips the work while it is up to date, and rebuilds when the seed changes or an output is missing', () => {
    const first = run('--seed', '3');
    expect(first).toMatch(/demo dataset written to .* 3142 counties × 52 categories × 6 years/);
    for (const name of DEMO_FILE_NAMES) expect(existsSync(join(out, name))).toBe(true);
    const stamp = JSON.parse(readFileSync(join(out, 'build-stamp.json'), 'utf8'));
    expect(stamp).toMatchObject({ seed: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toContain('seed 3');
    const written = statSync(join(out, 'employment.csv')).mtimeMs;

    expect(run('--seed', '3')).toMatch(/up to date/);
    expect(statSync(join(out, 'employment.csv')).mtimeMs).toBe(written);

    // Another seed is another dataset (the stamp's hash covers the seed).
    expect(run('--seed', '4')).toMatch(/written/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toContain('seed 4');

    // A missing output is rebuilt even when the stamp matches.
    rmSync(join(out, 'regions.geojson'));
    expect(run('--seed', '4')).toMatch(/written/);
    expect(existsSync(join(out, 'regions.geojson'))).toBe(true);
  });

  it('refuses bad arguments with a message', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-demo.ts'), '--seed', 'abc'], { cwd: root, stdio: 'pipe' })).toThrow(/--seed must be an integer/);
  });
});
