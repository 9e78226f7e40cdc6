/** Number formats for the UI, one place so a language switch changes them all. */
export interface Formats {
  count(value: number): string;
  lq(value: number): string;
  share(value: number): string;
  /** A growth rate a year, signed (+3.1 %). */
  growth(value: number): string;
  /** A value of the given indicator, as the legend and tooltip show it. */
  indicator(indicator: string, value: number): string;
}

export function makeFormats(locale = 'en'): Formats {
  // One decimal: official tables often count in thousands (Eurostat's 26.3 thousand persons).
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const lq = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const growth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const guard = (f: (v: number) => string) => (v: number) => (Number.isFinite(v) ? f(v) : '—');
  const formats: Formats = {
    count: guard((v) => count.format(v)),
    lq: guard((v) => lq.format(v)),
    share: guard((v) => share.format(v)),
    growth: guard((v) => growth.format(v)),
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
