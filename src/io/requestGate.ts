/**
 * The one gate every request of the app and its workers passes: hosted manifests, the files a
 * manifest names, `datasets.json`, boundaries for the export. A `<meta>` CSP does not reach
 * dedicated workers and a static host rarely sends headers, so this code is what keeps the promise
 * "no request leaves the site unless the user asked".
 *
 * The rule is judged on the URL as the browser will request it (`new URL(raw, base)` strips
 * leading spaces and control characters, reads `\` as `/` and `%2e%2e` as `..`), never on the raw
 * string: a request is admitted only
 *  - on the page's origin, under the site's folder (and under the folder it must stay in), or
 *  - over https on an origin the user agreed to (the consent asked for `?dataset=https://…`),
 *    again under the folder it must stay in.
 *
 * Pure (no DOM, no fetch): the page, the workers, the CLI and the tests share it.
 */

export type RefusalReason = 'invalid' | 'scheme' | 'credentials' | 'origin' | 'insecure' | 'folder' | 'name';

/** A request the gate would not make, with the reason in words and as a code the interface can translate. */
export class RequestRefused extends Error {
  constructor(
    readonly url: string,
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

/** A URL the gate admitted: the only kind `fetchAdmitted` takes. */
export type AdmittedUrl = URL & { readonly admitted: unique symbol };

export interface RequestScope {
  /** The site's folder (the directory of the page's base URL): requests on the page's origin stay under it. */
  site: string;
  /** Origins (https only) the user agreed to load a dataset from. */
  consented: readonly string[];
}

/**
 * The plain relative file name a manifest or `datasets.json` may use: letters, digits, `.`, `_`
 * and `-` in `/`-separated segments, no `.` or `..` segment. No scheme, no leading `/`, no `\`,
 * no `%`-escape, no space or control character can pass, so the name means the same thing to
 * every URL parser, and the folder it is resolved in is the one it stays in.
 */
const PLAIN_FILE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export function isPlainRelativeFile(name: string): boolean {
  return PLAIN_FILE.test(name) && !name.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The folder `url` lies in (its path up to the last `/`), as an absolute URL without query or fragment. */
export function folderOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/[^/]*$/, '')}`;
}

/**
 * The URL to request for `raw` (resolved against `base`), or a `RequestRefused` saying why not.
 * `within` narrows the folder the request must stay in (a manifest's files stay in its folder).
 */
export function admitRequest(raw: string, base: string, scope: RequestScope, within?: string): AdmittedUrl {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new RequestRefused(raw, 'invalid', `${JSON.stringify(raw)} is not a web address`);
  }
  const shown = JSON.stringify(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RequestRefused(raw, 'scheme', `${shown} uses ${url.protocol} — only http(s) addresses are requested`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new RequestRefused(raw, 'credentials', `${shown} carries a user name or password — such addresses are not requested`);
  }
  if (/%(2e|2f|5c)/i.test(url.pathname)) {
    // A server that decodes these before resolving the path would leave the folder checked here.
    throw new RequestRefused(raw, 'folder', `${shown} hides ".", "/" or "\\" in %-escapes`);
  }
  const site = new URL(scope.site);
  if (url.origin !== site.origin) {
    if (!scope.consented.includes(url.origin)) {
      throw new RequestRefused(raw, 'origin', `${shown} is on another site (${url.origin}) that you have not agreed to load from`);
    }
    if (url.protocol !== 'https:') throw new RequestRefused(raw, 'insecure', `${shown} is not https — another site is reached over https only`);
  } else if (!url.pathname.startsWith(site.pathname)) {
    throw new RequestRefused(raw, 'folder', `${shown} is outside this site's folder (${site.pathname})`);
  }
  if (within !== undefined) {
    const folder = new URL(within);
    if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname)) {
      throw new RequestRefused(raw, 'folder', `${shown} leaves the dataset's folder ${folder.href}`);
    }
  }
  return url as AdmittedUrl;
}

/**
 * The URL of a file a manifest (or the dataset index) names: a plain relative name, resolved in the
 * folder of `manifestUrl` and admitted there. The manifest itself must have been admitted first.
 */
export function admitDatasetFile(name: string, manifestUrl: string, scope: RequestScope): AdmittedUrl {
  if (!isPlainRelativeFile(name)) {
    throw new RequestRefused(name, 'name', `${JSON.stringify(name)} is not a plain file name inside the dataset's folder (letters, digits, ".", "_", "-" and "/")`);
  }
  return admitRequest(name, manifestUrl, scope, folderOf(manifestUrl));
}

/**
 * A URL the page made itself: a `blob:` of this page (the user's imported boundaries), or one
 * admitted by the gate before. Anything else passes `admitRequest` again.
 */
export function admitPageUrl(raw: string, scope: RequestScope): AdmittedUrl {
  if (raw.startsWith('blob:')) {
    const url = new URL(raw);
    if (url.origin === new URL(scope.site).origin) return url as AdmittedUrl;
    throw new RequestRefused(raw, 'origin', `${JSON.stringify(raw)} belongs to another site`);
  }
  return admitRequest(raw, scope.site, scope);
}
