import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// The floor plan: pure layers at the bottom, thread shells, state, map, UI, CLI and packer on top.
// A pure layer importing a higher one would drag the DOM or Node into the worker, the CLI or the tests.
const SRC = path.resolve(__dirname, '../../../src');
const PURE = ['model', 'io', 'indicators', 'engine'];
const HIGHER = ['worker', 'state', 'map', 'ui', 'export', 'cli', 'pack', 'demo'];

interface Edge { from: string; to: string; line: number }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every relative import (static, dynamic, `new URL(…, import.meta.url)`) between files of src/. */
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|new URL\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolveImport(file, match[1]);
        if (target) edges.push({ from: file, to: target, line: index + 1 });
      }
    });
  }
  return edges;
}

/** The top folder under src/ ("main.ts" for the entry file). */
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0];

describe('the floor plan of src/', () => {
  const edges = importEdges();

  it('finds the imports it judges (the check can fail)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => folderOf(e.from) === 'engine' && folderOf(e.to) === 'io')).toBe(true);
  });

  it('pure layers never import the layers above them', () => {
    const bad = edges
      .filter((e) => PURE.includes(folderOf(e.from)) && (HIGHER.includes(folderOf(e.to)) || folderOf(e.to) === 'main.ts'))
      .map((e) => `${path.relative(SRC, e.from)}:${e.line} imports ${path.relative(SRC, e.to)}`);
    expect(bad).toEqual([]);
  });

  it('model imports nothing but model; io and indicators nothing from engine', () => {
    const rank: Record<string, number> = { model: 0, io: 1, indicators: 1, engine: 2 };
    const bad = edges
      .filter((e) => folderOf(e.from) in rank && folderOf(e.to) in rank)
      .filter((e) => folderOf(e.from) !== folderOf(e.to) && rank[folderOf(e.to)] >= rank[folderOf(e.from)])
      .map((e) => `${path.relative(SRC, e.from)}:${e.line} imports ${path.relative(SRC, e.to)}`);
    expect(bad).toEqual([]);
  });

  it('has no cycles between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const [a, b] = [folderOf(e.from), folderOf(e.to)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    const cycles: string[] = [];
    const reach = (start: string, node: string, trail: string[], seen: Set<string>) => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...trail, next].join(' → '));
        else if (!seen.has(next)) {
          seen.add(next);
          reach(start, next, [...trail, next], seen);
        }
      }
    };
    for (const start of graph.keys()) reach(start, start, [start], new Set());
    expect(cycles).toEqual([]);
  });
});
