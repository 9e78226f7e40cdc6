import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Builds the static site once (demo included) and serves it under a sub-path for every e2e test. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = mkdtempSync(join(tmpdir(), 'cluster-atlas-site-'));
  execFileSync('npm', ['run', '-s', 'demo'], { cwd: root, stdio: 'inherit' });
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const server = await serveStatic(outDir);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
