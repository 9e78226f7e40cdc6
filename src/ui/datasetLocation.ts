/** The built-in demo, relative to the page so the site works from any sub-path. */
export const DEMO_MANIFEST = 'geo/demo/manifest.json';

/** The demo's manifest for a page at `baseUri`. */
export function demoManifestUrl(baseUri: string): string {
  return new URL(DEMO_MANIFEST, baseUri).href;
}

/**
 * Which dataset to open: `?dataset=<manifest url>` when the user gave one (resolved against the
 * page), else the built-in demo. Only http(s) URLs are accepted.
 */
export function datasetManifestUrl(pageUrl: string, baseUri: string): string {
  const wanted = new URL(pageUrl).searchParams.get('dataset');
  const url = new URL(wanted && wanted.trim() !== '' ? wanted : DEMO_MANIFEST, baseUri);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported dataset URL scheme ${url.protocol}`);
  return url.href;
}
