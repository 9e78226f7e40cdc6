import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeSingleByte, encodeUtf16 } from './writeFixtures';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'cluster-atlas-formats-cli-'));

function atlas(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const CSV = ['region,category,employment', 'Москва,Строительство,300', 'Москва,Обрабатывающие производства,100', 'Тверская область,Строительство,10', 'Тверская область,Обрабатывающие производства,90', ''].join('\r\n');

describe('atlas indicators reads text in the encoding it was written in', () => {
  const utf8 = atlas('indicators', '--employment', write('utf8.csv', CSV));

  it.each([
    ['Windows-1251', () => encodeSingleByte(CSV, 'windows-1251')],
    ['KOI8-R', () => encodeSingleByte(CSV, 'koi8-r')],
    ['UTF-16 LE with a BOM', () => encodeUtf16(CSV, 'le', true)],
  ])('%s gives the output of the UTF-8 file, names intact', (name, bytes) => {
    expect(utf8.code, utf8.stderr).toBe(0);
    expect(utf8.stdout).toContain('Тверская область,Обрабатывающие производства');
    const got = atlas('indicators', '--employment', write(`${name}.csv`, bytes()));
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toBe(utf8.stdout);
  });

  it('--encoding overrides the guess; a wrong name is a usage error', () => {
    const path = write('cp1251.csv', encodeSingleByte(CSV, 'windows-1251'));
    const chosen = atlas('indicators', '--employment', path, '--encoding', 'windows-1251');
    expect(chosen.stdout).toBe(utf8.stdout);
    const other = atlas('indicators', '--employment', path, '--encoding', 'KOI8-R');
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).not.toContain('Москва');
    const bad = atlas('indicators', '--employment', path, '--encoding', 'cp866');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--encoding must be one of utf-8, utf-16le, utf-16be, windows-1251, koi8-r, windows-1252, not "cp866"');
  });

  it('bytes that fit no encoding and a PNG renamed .csv fail with the place, exit 1', () => {
    const broken = write('broken.csv', Uint8Array.from([...new TextEncoder().encode('region,category,employment\nA,x,1\n'), 0x81, 0x8d, 0x2c, 0x78, 0x2c, 0x32, 0x0a]));
    const r = atlas('indicators', '--employment', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.csv, line 3: byte 0x81 at offset 33 is not valid UTF-8/);
    const png = write('picture.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const p = atlas('indicators', '--employment', png);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('picture.csv: this is a PNG image, not a table or boundary file');
  });

  it('reads SDMX-CSV like the Eurostat TSV', () => {
    const sdmx = ['DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG', 'X,1,A,THS,C,Y_GE15,AA1,2015,20,', 'X,1,A,THS,F,Y_GE15,AA1,2015,5,', 'X,1,A,THS,C,Y_GE15,AA2,2015,5,e', 'X,1,A,THS,F,Y_GE15,AA2,2015,10,', ''].join('\n');
    const tsv = ['unit,nace_r2,age,geo\\time\t2015 ', 'THS,C,Y_GE15,AA1\t20 ', 'THS,F,Y_GE15,AA1\t5 ', 'THS,C,Y_GE15,AA2\t5 e', 'THS,F,Y_GE15,AA2\t10 ', ''].join('\n');
    const a = atlas('indicators', '--employment', write('lfs.csv', sdmx));
    const b = atlas('indicators', '--employment', write('lfs.tsv', tsv));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});
