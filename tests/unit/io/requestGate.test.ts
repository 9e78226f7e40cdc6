import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { admitDatasetFile, admitPageUrl, admitRequest, folderOf, isPlainRelativeFile, RequestRefused, type RefusalReason, type RequestScope } from '../../../src/io/requestGate';
import { isRelativeFile, validateManifest } from '../../../src/io/manifest';
import { parseDatasetIndex } from '../../../src/io/datasetIndex';
import { hostedDatasets } from '../../../src/ui/dataImport/hostedDatasets';
import { InputError } from '../../../src/io/errors';

// The site sits under a sub-path, as on a GitHub Pages project page; the demo in geo/demo/.
const SITE = 'https://atlas.example/app/';
const MANIFEST = `${SITE}geo/demo/manifest.json`;
const scope: RequestScope = { site: SITE, consented: [] };
const agreed: RequestScope = { site: SITE, consented: ['https://data.example'] };

function refusal(run: () => unknown): RefusalReason {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestRefused) return error.reason;
    throw error;
  }
  throw new Error('admitted');
}

// Every trick a manifest's file name has been seen to use, with where the URL parser would take it.
const HOSTILE_FILE_NAMES = [
  ' https://evil.example/regions.geojson',
  '\thttps://evil.example/regions.geojson',
  '\u0000https://evil.example/x',
  '\u001fhttps://evil.example/x',
  'https://evil.example/regions.geojson',
  'HtTpS://evil.example/x',
  'http://evil.example/x',
  'JaVaScRiPt:alert(1)',
  'javascript:alert(1)',
  'data:text/csv,a,b',
  'blob:https://atlas.example/0f1e',
  'file:///etc/passwd',
  '//evil.example/x.csv',
  '\\\\evil.example\\employment.csv',
  '\\\\evil.example\\x',
  '/\\evil.example/x',
  '..\\demo\\categories.csv',
  '..\\..\\secret.csv',
  '../eu/employment.csv',
  './../eu/employment.csv',
  'a/../../eu/employment.csv',
  '%2e%2e/eu/employment.csv',
  '%2E%2E%2Feu%2Femployment.csv',
  'sub%2f..%2f..%2fx.csv',
  '.%2e/eu/x.csv',
  'reg\nions.geojson',
  'reg\tions.geojson',
  'regions.geojson ',
  '/app/geo/eu/employment.csv',
  'https://atlas.example@evil.example/x',
  'https://[::1]/x',
  'https://xn--80ak6aa92e.com/x',
  'https://аррӏе.com/x',
  '',
  '.',
  '..',
  'a//b.csv',
  'a/',
  'a?b=c',
  'a#b',
];

describe('request gate: file names a manifest may use', () => {
  it.each(HOSTILE_FILE_NAMES)('refuses the file name %j', (name) => {
    expect(isPlainRelativeFile(name)).toBe(false);
    expect(isRelativeFile(name)).toBe(false);
    expect(refusal(() => admitDatasetFile(name, MANIFEST, scope))).toBe('name');
  });

  it('admits plain names inside the folder, resolved where they are named', () => {
    for (const name of ['regions.geojson', 'employment.csv', 'data/2020/employment-wide_v1.csv', '.hidden.csv', 'a..b.csv']) {
      expect(isPlainRelativeFile(name)).toBe(true);
      expect(admitDatasetFile(name, MANIFEST, scope).href).toBe(`${SITE}geo/demo/${name}`);
    }
  });

  it('keeps a manifest at a sub-path inside its own folder: a sibling folder is out of reach', () => {
    const nested = `${SITE}geo/eu/nuts2/manifest.json`;
    expect(admitDatasetFile('regions.geojson', nested, scope).href).toBe(`${SITE}geo/eu/nuts2/regions.geojson`);
    for (const name of ['../nuts3/regions.geojson', '..\\nuts3\\regions.geojson', '%2e%2e/nuts3/regions.geojson', '../../demo/categories.csv']) {
      expect(refusal(() => admitDatasetFile(name, nested, scope))).toBe('name');
    }
    // Even a name the syntax admitted could not leave the folder: the resolved URL is judged again.
    expect(refusal(() => admitRequest('../nuts3/regions.geojson', nested, scope, folderOf(nested)))).toBe('folder');
    expect(refusal(() => admitRequest('..\\nuts3\\regions.geojson', nested, scope, folderOf(nested)))).toBe('folder');
  });

  it('property: any name the syntax admits resolves inside the manifest folder, on the same origin', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const name = segments.join('/');
        const url = admitDatasetFile(name, MANIFEST, scope);
        expect(url.origin).toBe('https://atlas.example');
        expect(url.pathname.startsWith('/app/geo/demo/')).toBe(true);
        expect(url.pathname).toBe(`/app/geo/demo/${name}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: no string lets a file name leave the folder or the site', () => {
    const tricky = fc.string({ unit: fc.constantFrom('a', '.', '/', '\\', '%', '2', 'e', 'f', 'c', '5', ':', ' ', '\t', '\n', '\u0000', '@', '?', '#', 'h', 't', 'p', 's'), maxLength: 24 });
    fc.assert(
      fc.property(tricky, (name) => {
        let url: URL | undefined;
        try {
          url = admitDatasetFile(name, MANIFEST, scope);
        } catch (error) {
          expect(error).toBeInstanceOf(RequestRefused);
          return;
        }
        expect(url.origin).toBe('https://atlas.example');
        expect(url.pathname.startsWith('/app/geo/demo/')).toBe(true);
        expect(url.search + url.hash).toBe('');
      }),
      { numRuns: 5000 },
    );
  });

  it('validateManifest names the field and the name it refused', () => {
    const manifest = {
      format: 'cluster-atlas-dataset',
      version: 1,
      id: 'x',
      title: 'X',
      attribution: 'A',
      regions: { file: ' https://evil.example/regions.geojson', id: 'id', name: 'name' },
      employment: { file: 'employment.csv', layout: 'wide' },
    };
    expect(() => validateManifest(manifest, 'manifest.json')).toThrow(InputError);
    expect(() => validateManifest(manifest, 'manifest.json')).toThrow('manifest.json: "regions.file" must be a plain file name inside the dataset folder');
    expect(() => validateManifest(manifest, 'manifest.json')).toThrow('" https://evil.example/regions.geojson"');
    const backslash = { ...manifest, regions: { ...manifest.regions, file: 'regions.geojson' }, employment: { file: '\\\\evil.example\\employment.csv', layout: 'wide' } };
    expect(() => validateManifest(backslash, 'manifest.json')).toThrow('"employment.file" must be a plain file name');
    const sibling = { ...manifest, regions: { ...manifest.regions, file: 'regions.geojson' }, categories: { file: '..\\demo\\categories.csv' } };
    expect(() => validateManifest(sibling, 'manifest.json')).toThrow('"categories.file" must be a plain file name');
  });
});

describe('request gate: datasets.json entries', () => {
  const index = (manifest: string) => JSON.stringify({ datasets: [{ id: 'x', title: 'X', manifest }] });

  it.each([' https://evil.example/m.json', '\\\\evil.example\\m.json', '..\\demo\\manifest.json', '%2e%2e/m.json', '//evil.example/m.json', 'HtTpS://evil.example/m.json', '/app/m.json'])(
    'refuses the index entry %j with its path, leaving the demo alone',
    (manifest) => {
      expect(() => parseDatasetIndex(JSON.parse(index(manifest)), 'datasets.json')).toThrow('datasets.json at datasets[0]: "manifest" must be a path inside the folder of the index');
      const { datasets, problem } = hostedDatasets(index(manifest), SITE, 'Demo');
      expect(datasets.map((d) => d.id)).toEqual(['demo']);
      expect(problem).toContain('datasets[0]');
    },
  );

  it('resolves a good entry inside the geo/ folder of the site', () => {
    const { datasets } = hostedDatasets(index('eu/manifest.json'), SITE, 'Demo');
    expect(datasets.map((d) => d.manifest)).toEqual([`${SITE}geo/demo/manifest.json`, `${SITE}geo/eu/manifest.json`]);
  });
});

describe('request gate: manifests and other absolute addresses', () => {
  it('admits this site under its folder, and nothing else of its origin', () => {
    expect(admitRequest('geo/eu/manifest.json', SITE, scope).href).toBe(`${SITE}geo/eu/manifest.json`);
    expect(admitRequest('  geo/eu/manifest.json', SITE, scope).href).toBe(`${SITE}geo/eu/manifest.json`);
    expect(refusal(() => admitRequest('/other-app/manifest.json', SITE, scope))).toBe('folder');
    expect(refusal(() => admitRequest('../manifest.json', SITE, scope))).toBe('folder');
    expect(refusal(() => admitRequest('..\\other\\manifest.json', SITE, scope))).toBe('folder');
    expect(refusal(() => admitRequest('%2e%2e/manifest.json', SITE, scope))).toBe('folder');
    expect(refusal(() => admitRequest('geo/demo%2f..%2f..%2f..%2fsecret.json', SITE, scope))).toBe('folder');
    // The parser reads %2E%2E as "..": judged where it lands, which here is still the site's folder.
    expect(admitRequest('geo/%2E%2E/x.json', SITE, scope).href).toBe(`${SITE}x.json`);
    expect(refusal(() => admitRequest('geo\\..%5c..%5cx.json', SITE, scope))).toBe('folder');
  });

  it.each<[string, RefusalReason]>([
    ['javascript:alert(1)', 'scheme'],
    ['JaVaScRiPt:alert(1)', 'scheme'],
    [' javascript:alert(1)', 'scheme'],
    ['\u0001javascript:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    ['java\nscript:alert(1)', 'scheme'],
    ['data:application/json,{}', 'scheme'],
    ['blob:https://atlas.example/0f1e', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://atlas.example/app/m.json', 'scheme'],
    ['ws://atlas.example/app/m.json', 'scheme'],
    ['https://atlas.example@evil.example/m.json', 'credentials'],
    ['https://user:pass@atlas.example/app/m.json', 'credentials'],
    ['https://evil.example/m.json', 'origin'],
    [' https://evil.example/m.json', 'origin'],
    ['HtTpS://evil.example/m.json', 'origin'],
    ['//evil.example/m.json', 'origin'],
    ['\\\\evil.example\\m.json', 'origin'],
    ['/\\evil.example/m.json', 'origin'],
    ['https://atlas.example.evil.example/app/m.json', 'origin'],
    ['https://[::1]/app/m.json', 'origin'],
    ['https://[::ffff:7f00:1]/app/m.json', 'origin'],
    ['https://xn--80ak6aa92e.com/app/m.json', 'origin'],
    ['https://аррӏе.com/app/m.json', 'origin'],
    ['http://atlas.example/app/m.json', 'origin'],
    ['https://atlas.example:444/app/m.json', 'origin'],
    ['http://[', 'invalid'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(refusal(() => admitRequest(raw, SITE, scope))).toBe(reason);
  });

  it('reads "https:host" as a path on this site, as the browser would', () => {
    expect(admitRequest('https:evil.example/m.json', SITE, scope).href).toBe(`${SITE}evil.example/m.json`);
    expect(refusal(() => admitRequest('https:evil.example/m.json', 'https://atlas.example/', scope))).toBe('folder');
  });

  it('admits an https site the user agreed to, and only that one, only over https', () => {
    expect(admitRequest('https://data.example/eu/manifest.json', SITE, agreed).href).toBe('https://data.example/eu/manifest.json');
    expect(admitRequest('HTTPS://DATA.EXAMPLE/eu/manifest.json', SITE, agreed).href).toBe('https://data.example/eu/manifest.json');
    expect(refusal(() => admitRequest('https://data.example.evil.example/m.json', SITE, agreed))).toBe('origin');
    expect(refusal(() => admitRequest('https://data.example@evil.example/m.json', SITE, agreed))).toBe('credentials');
    expect(refusal(() => admitRequest('http://data.example/m.json', SITE, { site: SITE, consented: ['http://data.example'] }))).toBe('insecure');
    // Its files stay in its manifest's folder too.
    const remote = 'https://data.example/eu/manifest.json';
    expect(admitDatasetFile('regions.geojson', remote, agreed).href).toBe('https://data.example/eu/regions.geojson');
    expect(refusal(() => admitRequest('../ru/regions.geojson', remote, agreed, folderOf(remote)))).toBe('folder');
    expect(refusal(() => admitRequest('https://atlas.example/app/geo/demo/regions.geojson', remote, agreed, folderOf(remote)))).toBe('folder');
  });

  it('admits the page’s own blobs for the export, and no other', () => {
    expect(admitPageUrl('blob:https://atlas.example/5d1c', scope).protocol).toBe('blob:');
    expect(refusal(() => admitPageUrl('blob:https://evil.example/5d1c', scope))).toBe('origin');
    expect(refusal(() => admitPageUrl('blob:null/5d1c', scope))).toBe('origin');
    expect(admitPageUrl(`${SITE}geo/demo/regions.geojson`, scope).href).toBe(`${SITE}geo/demo/regions.geojson`);
    expect(refusal(() => admitPageUrl('https://evil.example/regions.geojson', scope))).toBe('origin');
  });

  it('says in words what it refused and why', () => {
    expect(() => admitRequest(' https://evil.example/regions.geojson', SITE, scope)).toThrow(
      '" https://evil.example/regions.geojson" is on another site (https://evil.example) that you have not agreed to load from',
    );
    expect(() => admitRequest('javascript:alert(1)', SITE, scope)).toThrow('"javascript:alert(1)" uses javascript: — only http(s) addresses are requested');
  });
});
