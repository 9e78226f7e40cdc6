/**
 * Links and embed code for the current page. The view lives in the hash; how the page is framed
 * lives in the query (`?dataset=` which data, `?embed=1` the map without the side panel), so an
 * embed link is the same link with one query parameter more.
 */

export const EMBED_PARAM = 'embed';

export function isEmbedded(pageUrl: string): boolean {
  return new URL(pageUrl).searchParams.get(EMBED_PARAM) === '1';
}

/** The page URL as an embed (chromeless) link, hash kept. */
export function embedUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set(EMBED_PARAM, '1');
  return url.href;
}

/** The page URL as an ordinary link (what "open in Cluster Atlas" from an embed goes to). */
export function fullPageUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete(EMBED_PARAM);
  return url.href;
}

/**
 * An iframe for someone else's page. The title comes from the dataset (user data), so every
 * attribute value is escaped: this string is pasted into HTML by whoever copies it.
 */
export function embedSnippet(pageUrl: string, title: string, size = { width: '100%', height: '520' }): string {
  const attrs: [string, string][] = [
    ['src', embedUrl(pageUrl)],
    ['title', title],
    ['width', size.width],
    ['height', size.height],
    ['style', 'border:0'],
    ['loading', 'lazy'],
  ];
  return `<iframe ${attrs.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')} allowfullscreen></iframe>`;
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** A file name from parts that may come from data: letters, digits, dot, dash and underscore only. */
export function safeFileName(parts: (string | number | undefined)[], extension: string): string {
  const stem = parts
    .filter((p) => p !== undefined && p !== '')
    .map((p) => String(p).normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, ''))
    .filter((p) => p !== '')
    .join('_')
    .slice(0, 120);
  return `${stem || 'cluster-atlas'}.${extension}`;
}
