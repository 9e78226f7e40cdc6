import type { StarRule } from '../model/dataset';

/** Number formats for the UI, one place so a language switch changes them all. */
export interface Formats {
  count(value: number): string;
  /** An LQ with two decimals, or more where two would put it on the wrong side of (or onto) a rule's threshold. */
  lq(value: number): string;
  share(value: number): string;
  /** A test statistic (Moran's I, z) with three decimals, as the legend's notes give it. */
  statistic(value: number): string;
  /** A growth rate a year, signed (+3.1 %). */
  growth(value: number): string;
  /** A value of the given indicator, as the legend and tooltip show it. */
  indicator(indicator: string, value: number): string;
}

const MAX_DIGITS = 6;

/**
 * Fraction digits (from `base` up to 6) at which `value`, rounded, still tells which side of every
 * threshold it lies on: 1.996 against 2 needs three digits ("1.996", not "2.00" beside "no star"),
 * 2.004 needs two ("2.00" is at the threshold and qualifies, as 2.004 does). A value exactly at
 * a threshold needs no more than `base`.
 */
export function digitsToTellSide(value: number, thresholds: readonly number[], base = 2): number {
  if (!Number.isFinite(value)) return base;
  for (let digits = base; digits < MAX_DIGITS; digits++) {
    const rounded = Number(value.toFixed(digits));
    if (thresholds.every((t) => rounded >= t === value >= t)) return digits;
  }
  return MAX_DIGITS;
}

/**
 * The fixed LQ thresholds a rule tests against: ECO's specialisation star (LQ ≥ 2 by default), U.S.
 * Cluster Mapping's LQ ≥ 1; the article's all-ranking rule has no fixed one (its cut is a rank).
 */
export function ruleLqThresholds(rule: StarRule | undefined): number[] {
  if (!rule) return [];
  if (rule.kind === 'eco') return [rule.lqThreshold];
  return rule.kind === 'cmp' ? [1] : [];
}

export function makeFormats(locale = 'en', lqThresholds: readonly number[] = []): Formats {
  // One decimal: official tables often count in thousands (Eurostat's 26.3 thousand persons).
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const lqByDigits = new Map<number, Intl.NumberFormat>();
  const lqFormat = (digits: number) => {
    let f = lqByDigits.get(digits);
    if (!f) lqByDigits.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  const share = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const growth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const statistic = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const guard = (f: (v: number) => string) => (v: number) => (Number.isFinite(v) ? f(v) : '—');
  const formats: Formats = {
    count: guard((v) => count.format(v)),
    lq: guard((v) => lqFormat(digitsToTellSide(v, lqThresholds)).format(v)),
    share: guard((v) => share.format(v)),
    growth: guard((v) => growth.format(v)),
    statistic: guard((v) => statistic.format(v)),
    indicator: (indicator, v) => {
      switch (indicator) {
        case 'lq':
          return formats.lq(v);
        case 'focus':
        case 'size':
          return formats.share(v);
        default:
          return formats.count(v);
      }
    },
  };
  return formats;
}
