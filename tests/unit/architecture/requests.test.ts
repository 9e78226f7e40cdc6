import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

// Every request of the app and its workers passes the request gate (src/io/requestGate.ts):
// `fetchAdmitted` is the one `fetch`, and it takes only URLs the gate admitted. A dedicated worker
// is not covered by the page's <meta> CSP, so nothing else may open a connection.
const SRC = path.resolve(__dirname, '../../../src');
const GATED_FETCH = path.join(SRC, 'io/fetchAdmitted.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

// The CLI and the packer read the user's local files from disk and make no requests; they are checked too.
const CONNECTIONS = /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|new\s+EventSource|sendBeacon|importScripts\s*\(|\bimport\s*\(\s*[^'"`\s)]/;

describe('every request passes the request gate', () => {
  it('no file of src/ but io/fetchAdmitted.ts opens a connection', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file === GATED_FETCH) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
          if (CONNECTIONS.test(code)) offenders.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the one fetch takes only an admitted URL and follows no redirect', () => {
    const text = fs.readFileSync(GATED_FETCH, 'utf8');
    expect(text).toMatch(/fetchAdmitted\(url: AdmittedUrl/);
    expect(text).toMatch(/redirect: 'error'/);
  });
});
