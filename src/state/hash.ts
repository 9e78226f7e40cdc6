/**
 * The whole view as a versioned URL hash, so a link restores what its sender saw:
 *
 *   #v=2&cat=<category>&ind=<indicator>&year=<year>[&base=<year>]&mode=<mode>&change=<measure>
 *    &rule=<eco|paper|cmp>&cut=<share>&lqmin=<LQ>[&minemp=<n>][&minest=<n>][&bench=<regions|row|country>]&class=<method>&classes=<k>&palette=<scheme>
 *    [&breaks=<x1,x2,…>][&hold=<all|year>][&sym=1][&labels=0][&region=<id>][&at=<lng,lat,zoom>][&lang=<en|ru>]
 *
 * `cat`, `ind` and `year` keep the meaning they had before versioning (a contract checked from
 * outside); links without `v` are version 1 and are migrated (hashMigrations.ts). The dataset is
 * not here but in the query (`?dataset=`): opening another dataset is a new page, a new hash is
 * the same page showing something else.
 *
 * `hold` (breaks across years: one set for all years, or each year its own) is absent in links
 * written before it, which keep their meaning: held while the timeline plays, per year otherwise.
 * `sym=1` draws circles sized by employment over the map; absent, none (as before the key).
 * `labels=0` hides the place names; absent, they are shown.
 *
 * Every value is checked here for form (known names, numbers in range); whether a category,
 * year or region exists is checked against the dataset by `initialView`. Rejected keys are
 * reported for a notice. Values are only compared with known ids or parsed as numbers: nothing
 * from the hash is executed or inserted as HTML.
 */
import { INDICATORS, type RuleKind } from '../model/dataset';
import { isLang, t } from '../i18n/i18n';
import { BREAKS_HOLD, CHANGE_MEASURES, CLASS_METHODS, MAP_MODES, type Classification, type View } from './store';
import { HASH_VERSION, migrateParams } from './hashMigrations';

export { HASH_VERSION } from './hashMigrations';

/** The part of a view a link can carry; any field may be missing or rejected. */
export type HashView = Partial<View>;

export interface ParsedHash {
  view: HashView;
  /** Keys whose values were rejected, for a notice to the user. */
  rejected: string[];
  /** The version the link was written in (1: before versioning). */
  version: number;
  /** Written by a newer version of the app: read as far as this version understands it. */
  newer: boolean;
}

export const RULE_KINDS: readonly RuleKind[] = ['eco', 'paper', 'cmp'];

/**
 * The palettes the map offers (sequential and diverging ColorBrewer schemes of src/map/classify.ts;
 * a unit test keeps the two lists equal, since state must not import the map layer).
 */
export const PALETTES = ['Blues', 'Greens', 'Purples', 'Oranges', 'Greys', 'YlGnBu', 'YlOrRd', 'PuBuGn', 'BuPu', 'RdBu', 'PuOr', 'BrBG', 'PiYG', 'PRGn', 'RdYlBu'] as const;

/** Limits of what a link may ask for. */
export const HASH_LIMITS = {
  /** Class counts the map draws (MIN_CLASSES…MAX_CLASSES of src/map/classify.ts). */
  classes: [2, 9] as const,
  /** Manual class boundaries. */
  maxBreaks: 20,
  /** Longest id accepted for a category or region. */
  maxIdLength: 256,
  zoom: [0, 24] as const,
};

const ID_KEYS = ['cat', 'region'] as const;

export function parseHash(hash: string): ParsedHash {
  const { params, version, newer, badVersion } = migrateParams(new URLSearchParams(hash.replace(/^#/, '')));
  const view: HashView = {};
  const rejected: string[] = badVersion ? ['v'] : [];
  const read = <T>(key: string, parse: (text: string) => T | undefined): T | undefined => {
    const text = params.get(key);
    if (text === null) return undefined;
    const value = parse(text);
    if (value === undefined) rejected.push(key);
    return value;
  };

  for (const key of ID_KEYS) {
    const value = read(key, (text) => (text !== '' && text.length <= HASH_LIMITS.maxIdLength ? text : undefined));
    if (value !== undefined) view[key] = value;
  }
  const ind = read('ind', oneOf(INDICATORS));
  if (ind) view.ind = ind;
  const year = read('year', wholeNumber);
  if (year !== undefined) view.year = year;
  const base = read('base', wholeNumber);
  if (base !== undefined) view.baseYear = base;
  const mode = read('mode', oneOf(MAP_MODES));
  if (mode) view.mode = mode;
  const change = read('change', oneOf(CHANGE_MEASURES));
  if (change) view.change = change;

  const kind = read('rule', oneOf(RULE_KINDS));
  const cutShare = read('cut', numberIn(0, 1));
  const lqThreshold = read('lqmin', numberIn(0, 1e6));
  // The rule's minimum cell size (absent: none, as in every link written before these keys).
  const minEmployment = read('minemp', numberIn(0, 1e12));
  const minEstablishments = read('minest', numberIn(0, 1e12));
  const benchmark = read('bench', (text) => (/^(regions|row|[A-Z]{2})$/.test(text) ? text : undefined));
  if (kind !== undefined || cutShare !== undefined || lqThreshold !== undefined || minEmployment !== undefined || minEstablishments !== undefined || benchmark !== undefined) {
    view.rule = { kind: kind ?? 'eco', cutShare: cutShare ?? DEFAULTS.cutShare, lqThreshold: lqThreshold ?? DEFAULTS.lqThreshold };
    if (minEmployment) view.rule.minEmployment = minEmployment;
    if (minEstablishments) view.rule.minEstablishments = minEstablishments;
    if (benchmark) view.rule.benchmark = benchmark;
  }

  const method = read('class', oneOf(CLASS_METHODS));
  const classes = read('classes', (text) => {
    const k = wholeNumber(text);
    return k !== undefined && k >= HASH_LIMITS.classes[0] && k <= HASH_LIMITS.classes[1] ? k : undefined;
  });
  const palette = read('palette', oneOf(PALETTES));
  const thresholds = read('breaks', increasingNumbers);
  const hold = read('hold', oneOf(BREAKS_HOLD));
  if (method !== undefined || classes !== undefined || palette !== undefined || thresholds !== undefined || hold !== undefined) {
    const classification: Classification = {
      method: method ?? DEFAULTS.classification.method,
      classes: classes ?? DEFAULTS.classification.classes,
      palette: palette ?? DEFAULTS.classification.palette,
    };
    if (thresholds !== undefined) classification.thresholds = thresholds;
    if (hold !== undefined) classification.hold = hold;
    view.classification = classification;
  }

  const symbols = read('sym', (text) => (text === '1' ? true : text === '0' ? false : undefined));
  if (symbols) view.symbols = true;
  const labels = read('labels', (text) => (text === '0' ? false : text === '1' ? true : undefined));
  if (labels === false) view.labels = false;

  const at = read('at', viewport);
  if (at) view.viewport = at;
  const lang = read('lang', (text) => (isLang(text) ? text : undefined));
  if (lang) view.lang = lang;
  return { view, rejected, version, newer };
}

/** What the user is told about a link on opening it (values whose existence the dataset decides come from `initialView`). */
export function linkNotices(parsed: ParsedHash): string[] {
  const notices = parsed.rejected.map((key) => t('notice.badHashValue', { key }));
  if (parsed.newer) notices.unshift(t('link.newerVersion'));
  return notices;
}

/** The hash of a view, current version; keys in a fixed order, commas left readable. */
export function formatHash(view: HashView): string {
  const pairs: [string, string][] = [['v', String(HASH_VERSION)]];
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined) pairs.push([key, String(value)]);
  };
  add('cat', view.cat);
  add('ind', view.ind);
  add('year', view.year);
  add('base', view.baseYear);
  add('mode', view.mode);
  add('change', view.change);
  if (view.rule) {
    add('rule', view.rule.kind);
    add('cut', view.rule.cutShare);
    add('lqmin', view.rule.lqThreshold);
    if (view.rule.minEmployment) add('minemp', view.rule.minEmployment);
    if (view.rule.minEstablishments) add('minest', view.rule.minEstablishments);
    add('bench', view.rule.benchmark);
  }
  if (view.classification) {
    const c = view.classification;
    add('class', c.method);
    add('classes', c.classes);
    add('palette', c.palette);
    if (c.thresholds && c.thresholds.length > 0) add('breaks', c.thresholds.join(','));
    add('hold', c.hold);
  }
  if (view.symbols) add('sym', 1);
  if (view.labels === false) add('labels', 0);
  add('region', view.region);
  if (view.viewport) {
    const v = roundViewport(view.viewport);
    add('at', `${v.lng},${v.lat},${v.zoom}`);
  }
  add('lang', view.lang);
  return `#${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&')}`;
}

/**
 * A camera rounded to what a screen can show: zoom to 0.01, the centre to about a pixel at that
 * zoom (a pixel spans 360 / (512 · 2^zoom) degrees), so links stay short and stable.
 */
export function roundViewport(v: { lng: number; lat: number; zoom: number }): { lng: number; lat: number; zoom: number } {
  const zoom = Math.round(v.zoom * 100) / 100;
  const digits = Math.min(7, Math.max(1, Math.ceil(Math.log10((512 * 2 ** zoom) / 360))));
  const round = (x: number) => Number(x.toFixed(digits)) || 0; // no -0
  return { lng: round(v.lng), lat: round(v.lat), zoom };
}

// What a v2 link naming only part of the rule or classification gets for the rest: fixed with
// the format (not taken from the app's defaults, which may change while old links must not).
const DEFAULTS = {
  cutShare: 0.1,
  lqThreshold: 2,
  classification: { method: 'quantile', classes: 5, palette: 'Blues' } as Classification,
};

function oneOf<T extends string>(allowed: readonly T[]): (text: string) => T | undefined {
  return (text) => ((allowed as readonly string[]).includes(text) ? (text as T) : undefined);
}

function wholeNumber(text: string): number | undefined {
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** A plain decimal number (no hex, no exponent games, no Infinity). */
function decimal(text: string): number | undefined {
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(text) && text.length <= 32 ? Number(text) : undefined;
}

function numberIn(min: number, max: number): (text: string) => number | undefined {
  return (text) => {
    const x = decimal(text);
    return x !== undefined && x >= min && x <= max ? x : undefined;
  };
}

function increasingNumbers(text: string): number[] | undefined {
  const parts = text.split(',');
  if (parts.length === 0 || parts.length > HASH_LIMITS.maxBreaks) return undefined;
  const values = parts.map(decimal);
  if (values.some((x) => x === undefined)) return undefined;
  const numbers = values as number[];
  return numbers.every((x, i) => i === 0 || x > numbers[i - 1]) ? numbers : undefined;
}

function viewport(text: string): View['viewport'] | undefined {
  const parts = text.split(',').map(decimal);
  if (parts.length !== 3 || parts.some((x) => x === undefined)) return undefined;
  const [lng, lat, zoom] = parts as number[];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90 || zoom < HASH_LIMITS.zoom[0] || zoom > HASH_LIMITS.zoom[1]) return undefined;
  return { lng, lat, zoom };
}
