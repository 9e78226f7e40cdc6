/**
 * A presentation deck that travels: in a link (`#deck=<base64url of compact JSON>`) and as a JSON
 * file. Each slide is a view hash (validated and migrated by exactly the code that reads a shared
 * link, src/state/hash.ts), a caption typed by the presenter (plain text) and, optionally, the
 * regions' bounds the slide is fitted to on any screen.
 *
 * Link payload, version 1:  {"v":1,"s":[["<hash without #>","<caption>",[w,s,e,n]?], …]}
 * File, version 1:          {"format":"cluster-atlas-deck","version":1,"slides":[{hash,caption,bounds?,title?}]}
 * A slide that fails validation is left out and counted, with its number, for a notice; the rest
 * of the deck still opens. Nothing read here is executed or inserted as HTML.
 */
import { InputError } from '../io/errors';
import { formatHash, parseHash } from './hash';

export const DECK_VERSION = 1;
export const DECK_FORMAT = 'cluster-atlas-deck';
export const DECK_KEY = 'deck';
export const DECK_LIMITS = { slides: 50, hash: 4000, caption: 500, title: 500, linkChars: 200_000 };

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

export interface Slide {
  /** A URL hash as `formatHash` writes it (with `#`). */
  hash: string;
  caption: string;
  /** What the legend said when it was saved (shown in the list; not in the link). */
  title?: string;
  bounds?: Bounds;
}

export interface DecodedDeck {
  slides: Slide[];
  /** 1-based numbers of slides left out, with why. */
  dropped: { slide: number; problem: string }[];
  /** Written by a newer version of the app: read as far as this one understands it. */
  newer: boolean;
}

const VIEW_KEYS = ['cat', 'ind', 'year', 'base', 'mode', 'change', 'rule', 'cut', 'lqmin', 'class', 'classes', 'palette', 'breaks', 'region', 'at'];

/** Checks one slide's parts; returns the slide in the current hash version, or why not. */
export function validateSlide(hash: unknown, caption: unknown, bounds: unknown, title?: unknown): Slide | string {
  if (typeof hash !== 'string' || hash.length === 0) return 'the view is missing';
  if (hash.length > DECK_LIMITS.hash) return `the view is longer than ${DECK_LIMITS.hash} characters`;
  if (caption !== undefined && typeof caption !== 'string') return 'the caption is not text';
  if (title !== undefined && typeof title !== 'string') return 'the title is not text';
  const text = hash.startsWith('#') ? hash : `#${hash}`;
  const raw = new URLSearchParams(text.slice(1));
  // Judged before migration, which fills in what an old link implied.
  if (!VIEW_KEYS.some((key) => raw.has(key))) return 'the view says nothing';
  const parsed = parseHash(text);
  if (parsed.rejected.length > 0) return `the view has bad values for ${parsed.rejected.map((k) => `“${k}”`).join(', ')}`;
  const slide: Slide = { hash: formatHash(parsed.view), caption: cleanText(caption ?? '', DECK_LIMITS.caption) };
  if (typeof title === 'string' && title !== '') slide.title = cleanText(title, DECK_LIMITS.title);
  if (bounds !== undefined && bounds !== null) {
    const b = validBounds(bounds);
    if (!b) return 'the bounds are not [west, south, east, north] in degrees';
    slide.bounds = b;
  }
  return slide;
}

/** Control characters (other than line breaks) removed, length capped: a caption is shown as text. */
function cleanText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').slice(0, max);
}

function validBounds(value: unknown): Bounds | undefined {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  const [w, s, e, n] = value as number[];
  if (Math.abs(w) > 360 || Math.abs(e) > 360 || s < -90 || n > 90 || s > n || w > e) return undefined;
  return [w, s, e, n].map((x) => Math.round(x * 1e4) / 1e4 || 0) as Bounds; // no -0
}

/** The link's hash for a deck. */
export function encodeDeck(slides: readonly Slide[]): string {
  const s = slides.map((slide) => {
    const entry: unknown[] = [slide.hash.replace(/^#/, ''), slide.caption];
    if (slide.bounds) entry.push(slide.bounds);
    return entry;
  });
  return `#${DECK_KEY}=${toBase64Url(JSON.stringify({ v: DECK_VERSION, s }))}`;
}

/** True when a hash carries a deck rather than a single view. */
export function isDeckHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(DECK_KEY);
}

/** Reads `#deck=…`; a broken payload throws, bad slides are dropped and counted. */
export function decodeDeck(hash: string): DecodedDeck {
  const payload = new URLSearchParams(hash.replace(/^#/, '')).get(DECK_KEY);
  if (payload === null) throw new Error('the link holds no deck');
  if (payload.length > DECK_LIMITS.linkChars) throw new Error(`the deck is longer than ${DECK_LIMITS.linkChars} characters`);
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) throw new Error('the deck is not base64url text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(payload));
  } catch {
    throw new Error('the deck is not readable');
  }
  const { v, s } = (parsed ?? {}) as { v?: unknown; s?: unknown };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Error('the deck has no format version');
  if (!Array.isArray(s)) throw new Error('the deck has no slides');
  const result: DecodedDeck = { slides: [], dropped: [], newer: v > DECK_VERSION };
  s.forEach((entry, i) => {
    if (result.slides.length >= DECK_LIMITS.slides) return void result.dropped.push({ slide: i + 1, problem: `more than ${DECK_LIMITS.slides} slides` });
    if (!Array.isArray(entry)) return void result.dropped.push({ slide: i + 1, problem: 'not a slide' });
    const slide = validateSlide(entry[0], entry[1], entry[2]);
    if (typeof slide === 'string') result.dropped.push({ slide: i + 1, problem: slide });
    else result.slides.push(slide);
  });
  return result;
}

/** The deck as a file: every slide with its caption, the legend title and bounds. */
export function deckFileText(slides: readonly Slide[], dataset?: string): string {
  return `${JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, dataset, slides: slides.map((s) => ({ ...s })) }, null, 2)}\n`;
}

/**
 * Reads a deck file. The file as a whole must be a deck (else a located InputError); a bad slide
 * is left out with its JSON path, like a bad slide in a link. Also reads the list of saved views
 * this browser kept before decks had captions (`cluster-atlas-saved-views`, version 1).
 */
export function readDeckFile(text: string, file: string): DecodedDeck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new InputError({ file }, `not JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError({ file, path: '$' }, 'not a deck (expected an object)');
  const doc = parsed as Record<string, unknown>;
  const legacy = doc.format === 'cluster-atlas-saved-views';
  if (!legacy && doc.format !== DECK_FORMAT) throw new InputError({ file, path: '$.format' }, `expected "${DECK_FORMAT}", found ${JSON.stringify(doc.format)?.slice(0, 60)}`);
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new InputError({ file, path: '$.version' }, 'the format version is missing or not a whole number');
  const entries = legacy ? doc.views : doc.slides;
  const key = legacy ? 'views' : 'slides';
  if (!Array.isArray(entries)) throw new InputError({ file, path: `$.${key}` }, 'expected a list of slides');
  const result: DecodedDeck = { slides: [], dropped: [], newer: !legacy && version > DECK_VERSION };
  entries.forEach((entry, i) => {
    const where = `$.${key}[${i}]`;
    if (result.slides.length >= DECK_LIMITS.slides) return void result.dropped.push({ slide: i + 1, problem: `${where}: more than ${DECK_LIMITS.slides} slides` });
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return void result.dropped.push({ slide: i + 1, problem: `${where}: not a slide` });
    const e = entry as Record<string, unknown>;
    // Saved views before captions: {hash, label}; the label was the legend's title.
    const slide = legacy ? validateSlide(e.hash, '', undefined, e.label) : validateSlide(e.hash, e.caption, e.bounds, e.title);
    if (typeof slide === 'string') result.dropped.push({ slide: i + 1, problem: `${where}: ${slide}` });
    else result.slides.push(slide);
  });
  return result;
}

/** UTF-8 text as base64url without padding (the link's alphabet: no escaping needed). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
