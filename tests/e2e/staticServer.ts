import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.topojson': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * The site's `_headers` file (Netlify / Cloudflare Pages syntax: a path pattern at the start of a
 * line, then indented `Name: value` lines), as header lists per pattern. `*` matches any run of characters.
 */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      rules.push({ pattern, headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0 || rules.length === 0) throw new Error(`_headers: cannot read ${JSON.stringify(line)}`);
    rules[rules.length - 1].headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Serves a built site under a sub-path (like a GitHub Pages project page), so tests prove the
 * build does not assume it sits at the origin's root. The headers of the site's `_headers` file
 * are sent as a host would send them, so the page and its workers run under that policy.
 */
export async function serveStatic(root: string, prefix = '/cluster-atlas/'): Promise<{ url: string; close: () => Promise<void> }> {
  const headerRules = existsSync(join(root, '_headers')) ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const hostHeaders = (sitePath: string) => Object.fromEntries(headerRules.filter((r) => r.pattern.test(sitePath)).flatMap((r) => r.headers));
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('outside the site');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { ...hostHeaders(`/${path.slice(prefix.length)}`), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Generates the demo, builds the site into a temporary folder and serves it under a sub-path:
 * what e2e tests, benchmarks and the README screenshot all look at. `close` stops the server
 * and removes the build; its `.vite/manifest.json` tells benchmarks which chunks the page loads first.
 */
export async function serveBuiltSite(options: { quiet?: boolean } = {}): Promise<{ url: string; outDir: string; close: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'cluster-atlas-site-'));
  const stdio = options.quiet ? 'ignore' : 'inherit';
  execFileSync('npm', ['run', '-s', 'demo'], { cwd: ROOT, stdio });
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', options.quiet ? 'error' : 'warn'], {
    cwd: ROOT,
    stdio,
  });
  const server = await serveStatic(outDir);
  return {
    url: server.url,
    outDir,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
