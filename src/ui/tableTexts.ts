import { t } from '../i18n/i18n';
import type { Formats } from './format';
import type { TableTexts } from './sortableTable';

/** The words of a region table in the current language, numbers in its format. */
export function tableTexts(caption: () => string, formats: () => Formats): TableTexts {
  return {
    caption,
    searchLabel: () => t('table.search'),
    range: (from, to, shown, total) => {
      const n = formats().count;
      const params = { from: n(from), to: n(to), shown: n(shown), total: n(total) };
      return shown === total ? t('table.range', params) : t('table.rangeFiltered', params);
    },
    previous: () => t('table.previous'),
    next: () => t('table.next'),
    position: () => t('table.position'),
    sortBy: (column) => t('table.sortBy', { column }),
    noRows: () => t('table.noRows'),
  };
}
