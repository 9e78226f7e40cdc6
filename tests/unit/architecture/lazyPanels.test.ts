import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// What the first map does not need stays out of the page's first JavaScript: main.ts and every module
// it imports statically must reach these only through import(). One static import brings a panel
// (and, through the export's off-screen map, MapLibre) back into the entry chunk.
const SRC = path.resolve(__dirname, '../../../src');
const LAZY = [
  'ui/dataImport/importDialog.ts',
  'ui/dashboard/dashboard.ts',
  'ui/linked/linkedViews.ts',
  'ui/presentation.ts',
  'ui/export.ts',
  'ui/sharing.ts',
  'map/exportPng.ts',
  'map/offscreen.ts',
  'map/mapView.ts',
];
const LAZY_PACKAGES = ['maplibre-gl'];

interface Imports {
  static: string[];
  dynamic: string[];
}

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(SRC, from)}: cannot resolve ${spec}`);
}

/** A file's imports that run (type-only ones are erased), and the ones it fetches with import(). */
export function importsOf(file: string, text = fs.readFileSync(file, 'utf8')): Imports {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const runtime: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const clause = m[2].trim();
    if (/^type\s/.test(clause)) continue;
    // `import { type A, type B }` is erased too; a default or namespace binding is not.
    const named = clause.match(/^\{([\s\S]*)\}$/);
    if (named && named[1].split(',').every((part) => part.trim() === '' || /^type\s/.test(part.trim()))) continue;
    runtime.push(m[3]);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) runtime.push(m[1]);
  const dynamic = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  const keep = (spec: string) => !/\.(css|svg|png)(\?|$)/.test(spec) && !spec.includes('?url') && !spec.includes('?worker');
  return { static: runtime.filter(keep).map((s) => resolveImport(file, s)), dynamic: dynamic.map((s) => resolveImport(file, s)) };
}

/** Everything main.ts loads before it runs, and everything those modules fetch later. */
function entryGraph(): { entry: Set<string>; fetchedLater: Set<string> } {
  const entry = new Set<string>();
  const fetchedLater = new Set<string>();
  const todo = [path.join(SRC, 'main.ts')];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (entry.has(file)) continue;
    entry.add(file);
    if (!file.startsWith(SRC)) continue;
    const { static: now, dynamic } = importsOf(file);
    todo.push(...now);
    for (const later of dynamic) fetchedLater.add(later);
  }
  return { entry, fetchedLater };
}

const rel = (file: string) => (file.startsWith(SRC) ? path.relative(SRC, file) : file);

describe('panels the first map does not need load on demand', () => {
  const { entry, fetchedLater } = entryGraph();

  it('reads imports as the bundler does (type-only erased, import() not followed)', () => {
    const file = path.join(SRC, 'main.ts');
    const read = importsOf(
      file,
      [
        "import type { A } from './ui/presentation';",
        "import { type B, type C } from './ui/export';",
        "import { D, type E } from './ui/controls';",
        "export { F } from './ui/tooltip';",
        "import './ui/dom';",
        "const later = import('./ui/dashboard/dashboard');",
        "import * as maplibregl from 'maplibre-gl';",
      ].join('\n'),
    );
    expect(read.static.map(rel)).toEqual(['ui/controls.ts', 'ui/tooltip.ts', 'maplibre-gl', 'ui/dom.ts']);
    expect(read.dynamic.map(rel)).toEqual(['ui/dashboard/dashboard.ts']);
  });

  it('walks the first view: controls, tooltip and the worker client are in it', () => {
    for (const needed of ['ui/controls.ts', 'ui/tooltip.ts', 'worker/client.ts', 'ui/dataImport/dataSources.ts']) {
      expect([...entry].map(rel)).toContain(needed);
    }
  });

  it('keeps the import dialog, dashboard, linked views, presentation, exports and MapLibre out of the first JavaScript', () => {
    const inEntry = [...entry].map(rel).filter((file) => LAZY.includes(file) || LAZY_PACKAGES.includes(file));
    expect(inEntry).toEqual([]);
  });

  it('still fetches each of them when asked for (none was dropped from the page)', () => {
    const reachable = new Set([...fetchedLater].map(rel));
    for (const file of [...fetchedLater]) if (file.startsWith(SRC)) collect(file, reachable);
    for (const lazy of [...LAZY, ...LAZY_PACKAGES]) expect(reachable, lazy).toContain(lazy);
  });
});

function collect(file: string, into: Set<string>): void {
  const { static: now, dynamic } = importsOf(file);
  for (const next of [...now, ...dynamic]) {
    if (into.has(rel(next))) continue;
    into.add(rel(next));
    if (next.startsWith(SRC)) collect(next, into);
  }
}
