import { INDICATORS, type IndicatorId } from '../model/dataset';
import { isLang, type Lang } from '../i18n/i18n';

/**
 * The view as a URL hash: `#cat=<category id>&ind=<indicator>&year=<year>` — a stable contract
 * checked from outside the app — plus optional keys. Values are only ever compared against known
 * ids; nothing from the hash is executed or inserted as HTML.
 */
export interface HashView {
  cat?: string;
  ind?: IndicatorId;
  year?: number;
  /** Selected (pinned) region id. */
  region?: string;
  lang?: Lang;
}

export interface ParsedHash {
  view: HashView;
  /** Keys whose values were rejected, for a notice to the user. */
  rejected: string[];
}

export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: HashView = {};
  const rejected: string[] = [];
  const cat = params.get('cat');
  if (cat !== null && cat !== '') view.cat = cat;
  const ind = params.get('ind');
  if (ind !== null) {
    if ((INDICATORS as readonly string[]).includes(ind)) view.ind = ind as IndicatorId;
    else rejected.push('ind');
  }
  const year = params.get('year');
  if (year !== null) {
    const y = Number(year);
    if (Number.isInteger(y)) view.year = y;
    else rejected.push('year');
  }
  const region = params.get('region');
  if (region !== null && region !== '') view.region = region;
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLang(lang)) view.lang = lang;
    else rejected.push('lang');
  }
  return { view, rejected };
}

export function formatHash(view: HashView): string {
  const params = new URLSearchParams();
  if (view.cat !== undefined) params.set('cat', view.cat);
  if (view.ind !== undefined) params.set('ind', view.ind);
  if (view.year !== undefined) params.set('year', String(view.year));
  if (view.region !== undefined) params.set('region', view.region);
  if (view.lang !== undefined) params.set('lang', view.lang);
  return `#${params.toString()}`;
}
