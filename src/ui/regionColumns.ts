import type { Region } from '../model/dataset';
import type { ComputedView } from '../engine/types';
import { cellDetails } from '../engine/cellDetails';
import { t } from '../i18n/i18n';
import { el } from './dom';
import type { TableColumn } from './sortableTable';
import { starsContent } from './starsText';
import { lqAt, starCountAt } from '../indicators/cellValues';

/** What the region tables (category ranking, data table) read their rows from. */
export interface RegionRows {
  regions: Region[];
  computed: ComputedView;
  category: number;
  /** The pinned region, highlighted. */
  selectedRegion?: number;
  selectRegion: (regionIndex: number) => void;
}

/** The region's name as a button that pins it (its profile opens and the map moves there). */
export function regionColumn(rows: () => RegionRows): TableColumn {
  return {
    key: 'region',
    label: () => t('table.region'),
    firstDirection: 'asc',
    sortKeys: [(r) => rows().regions[r].name],
    cell: (r) => {
      const button = el('button', { type: 'button', class: 'link', 'data-region': rows().regions[r].id }, rows().regions[r].name);
      button.addEventListener('click', () => rows().selectRegion(r));
      return button;
    },
  };
}

/** The category's stars in glyphs and words; sorted by stars, then LQ, then employment. */
export function starsColumn(rows: () => RegionRows): TableColumn {
  const at = (r: number) => r * rows().computed.result.nCategories + rows().category;
  const stars = (r: number) => (Number.isNaN(rows().computed.employment[at(r)]) ? NaN : starCountAt(rows().computed.result, at(r)));
  return {
    key: 'stars',
    label: () => t('table.stars'),
    sortKeys: [stars, (r) => lqAt(rows().computed.result, at(r)), (r) => rows().computed.employment[at(r)]],
    cell: (r) => {
      if (Number.isNaN(stars(r))) return '—';
      const details = cellDetails(rows().computed, r, rows().category);
      return el('span', { 'data-stars': String(details.starCount) }, ...starsContent(details));
    },
  };
}

/** Each row names its region; the pinned one is marked current. */
export function regionRowAttributes(rows: () => RegionRows): (r: number) => Record<string, string> {
  return (r) => ({ 'data-region': rows().regions[r].id, ...(r === rows().selectedRegion ? { class: 'current', 'aria-current': 'true' } : {}) });
}
