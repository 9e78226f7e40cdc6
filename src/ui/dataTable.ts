import type { Region } from '../model/dataset';
import type { ComputedView } from '../worker/protocol';
import { cellDetails } from '../state/cellDetails';
import { getLang, t } from '../i18n/i18n';
import { el } from './dom';
import type { Formats } from './format';
import { SortableTable, type TableColumn } from './sortableTable';
import { starsContent } from './starsText';
import { tableTexts } from './tableTexts';

/** What the map shows, region by region: the same values and classes the map is coloured by. */
export interface MapLayerValues {
  title: string;
  /** Per region in dataset order; NaN is "no data". */
  values: Float64Array;
  classes: { labels: string[]; classOf(value: number): number };
  format: (value: number) => string;
}

export interface DataTableContext {
  layer: MapLayerValues;
  regions: Region[];
  computed: ComputedView;
  category: number;
  selectedRegion?: number;
  formats: () => Formats;
  selectRegion: (regionIndex: number) => void;
}

const PAGE_SIZE = 50;

/**
 * The map as a table: every region with the mapped value, its legend class in words and the
 * category's stars in words — so nothing the map says is said by colour alone.
 */
export class DataTableView {
  readonly element = el('section', { class: 'data-table', id: 'data-table', 'aria-labelledby': 'data-table-title' });
  private context: DataTableContext | undefined;
  private readonly table: SortableTable;

  constructor() {
    const ctx = () => this.context!;
    const value = (r: number) => ctx().layer.values[r];
    const columns: TableColumn[] = [
      {
        key: 'region',
        label: () => t('table.region'),
        firstDirection: 'asc',
        sortKeys: [(r) => ctx().regions[r].name],
        cell: (r) => {
          const button = el('button', { type: 'button', class: 'link', 'data-region': ctx().regions[r].id }, ctx().regions[r].name);
          button.addEventListener('click', () => ctx().selectRegion(r));
          return button;
        },
      },
      { key: 'value', label: () => t('table.value'), numeric: true, sortKeys: [value], cell: (r) => (Number.isNaN(value(r)) ? t('legend.noData') : ctx().layer.format(value(r))) },
      {
        key: 'class',
        label: () => t('table.mapClass'),
        sortKeys: [value],
        cell: (r) => (Number.isNaN(value(r)) ? t('legend.noData') : ctx().layer.classes.labels[ctx().layer.classes.classOf(value(r))] ?? ''),
      },
      {
        key: 'stars',
        label: () => t('table.stars'),
        sortKeys: [(r) => stars(ctx(), r), (r) => ctx().computed.result.lq[r * ctx().computed.result.nCategories + ctx().category]],
        cell: (r) => {
          if (Number.isNaN(stars(ctx(), r))) return '—';
          const details = cellDetails(ctx().computed, r, ctx().category);
          return el('span', { 'data-stars': String(details.starCount) }, ...starsContent(details));
        },
      },
    ];
    this.table = new SortableTable({
      id: 'data-grid',
      columns,
      texts: tableTexts(() => ctx().layer.title, () => ctx().formats()),
      rowName: (r) => ctx().regions[r].name,
      pageSize: PAGE_SIZE,
      sort: { key: 'value', direction: 'desc' },
      locale: getLang,
      rowAttributes: (r) => ({ 'data-region': ctx().regions[r].id, ...(r === ctx().selectedRegion ? { class: 'current', 'aria-current': 'true' } : {}) }),
    });
  }

  show(context: DataTableContext): void {
    this.context = context;
    this.table.setRows(context.regions.length);
    this.element.replaceChildren(el('h2', { id: 'data-table-title', tabindex: '-1' }, t('table.subtitle')), this.table.element);
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('#data-table-title')?.focus();
  }
}

function stars(context: DataTableContext, r: number): number {
  const i = r * context.computed.result.nCategories + context.category;
  return Number.isNaN(context.computed.employment[i]) ? NaN : context.computed.result.starCount[i];
}
