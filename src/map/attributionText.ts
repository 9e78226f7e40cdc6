/**
 * MapLibre's attribution control parses a source's attribution as HTML (its sanitizer keeps links
 * and images). A manifest's or a file's text must show as written, so it goes in with every
 * character HTML gives meaning to escaped: the parser then yields one text node, never an element.
 */
export function attributionAsText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
