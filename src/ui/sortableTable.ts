import { el } from './dom';
import { filterRows, foldForSearch, pageOf, sortedOrder, type SortDirection, type SortValue } from './tableModel';

/**
 * A table of rows that can be sorted by any column (a button in each header, `aria-sort` on the
 * header), searched by name and paged — the accessible, text-only counterpart of the map.
 * Rows are indices into the caller's data; cells are built on demand for the visible page only,
 * so a table of 100,000 regions costs one sort, not 100,000 DOM rows.
 */
export interface TableColumn {
  key: string;
  label: () => string;
  numeric?: boolean;
  /** Sort keys, most significant first (e.g. stars, then LQ). */
  sortKeys: ReadonlyArray<(row: number) => SortValue>;
  /** Direction of the first click on this column's header. */
  firstDirection?: SortDirection;
  cell: (row: number) => Node | string;
}

export interface TableTexts {
  caption: () => string;
  searchLabel: () => string;
  /** "Rows 1–25 of 3,142" and the like; `shown` is what the search left. */
  range: (from: number, to: number, shown: number, total: number) => string;
  previous: () => string;
  next: () => string;
  /** Header of the position column. */
  position: () => string;
  sortBy: (column: string) => string;
  noRows: () => string;
}

export interface TableOptions {
  id: string;
  columns: TableColumn[];
  texts: TableTexts;
  /** Name searched by the search box; no search box when absent. */
  rowName?: (row: number) => string;
  /** Rows per page; no pager when all fit. */
  pageSize: number;
  sort: { key: string; direction: SortDirection };
  locale: () => string;
  rowAttributes?: (row: number) => Record<string, string>;
}

export class SortableTable {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement | undefined;
  private readonly table = el('table', { class: 'data-grid' });
  private readonly status = el('p', { class: 'table-range', role: 'status' });
  private readonly previousButton = el('button', { type: 'button', 'data-page': 'previous' });
  private readonly nextButton = el('button', { type: 'button', 'data-page': 'next' });
  private readonly pager = el('div', { class: 'table-pager' }, this.previousButton, this.status, this.nextButton);
  private rowCount = 0;
  private sort: { key: string; direction: SortDirection };
  private page = 0;
  private order: number[] = [];
  private folded: string[] | undefined;

  constructor(private readonly options: TableOptions) {
    this.sort = { ...options.sort };
    const parts: HTMLElement[] = [];
    if (options.rowName) {
      this.search = el('input', { type: 'search', id: `${options.id}-search`, autocomplete: 'off' });
      this.search.addEventListener('input', () => {
        this.page = 0;
        this.render();
      });
      parts.push(el('div', { class: 'table-search' }, el('label', { for: this.search.id }), this.search));
    }
    this.table.id = `${options.id}-table`;
    parts.push(el('div', { class: 'table-scroll' }, this.table), this.pager);
    this.element = el('div', { class: 'sortable-table', id: options.id }, ...parts);
    this.previousButton.addEventListener('click', () => this.turn(-1));
    this.nextButton.addEventListener('click', () => this.turn(1));
  }

  /** New data (another year, category or language): keeps the sort, the search and, if possible, the page. */
  setRows(rowCount: number): void {
    this.rowCount = rowCount;
    this.order = [];
    this.folded = undefined;
    this.render();
  }

  firstPage(): void {
    this.page = 0;
    this.render();
  }

  /** Position (1-based) of `row` in the table as sorted and searched now, or undefined when it is not shown. */
  positionOf(row: number): number | undefined {
    const at = this.visibleRows().indexOf(row);
    return at >= 0 ? at + 1 : undefined;
  }

  /** Shows the page holding `row` (e.g. the selected region). */
  reveal(row: number): void {
    const at = this.visibleRows().indexOf(row);
    if (at >= 0) {
      this.page = Math.floor(at / this.options.pageSize);
      this.render();
    }
  }

  render(): void {
    const { columns, texts, pageSize } = this.options;
    if (this.search) {
      (this.search.previousElementSibling as HTMLElement).textContent = texts.searchLabel();
    }
    const rows = this.visibleRows();
    const page = pageOf(rows.length, this.page, pageSize);
    this.page = page.page;

    const header = el(
      'tr',
      {},
      el('th', { scope: 'col', class: 'num' }, texts.position()),
      ...columns.map((column) => this.headerCell(column)),
    );
    const body = rows.slice(page.start, page.end).map((row, k) =>
      el(
        'tr',
        this.options.rowAttributes?.(row) ?? {},
        el('td', { class: 'num' }, String(page.start + k + 1)),
        ...columns.map((column, j) =>
          el(j === 0 ? 'th' : 'td', { ...(j === 0 ? { scope: 'row' } : {}), class: column.numeric ? 'num' : '', 'data-col': column.key }, column.cell(row)),
        ),
      ),
    );
    this.table.replaceChildren(
      el('caption', {}, texts.caption()),
      el('thead', {}, header),
      el('tbody', {}, ...(body.length > 0 ? body : [el('tr', {}, el('td', { colspan: String(columns.length + 1) }, texts.noRows()))])),
    );
    this.status.textContent = texts.range(rows.length === 0 ? 0 : page.start + 1, page.end, rows.length, this.rowCount);
    this.previousButton.textContent = texts.previous();
    this.nextButton.textContent = texts.next();
    this.previousButton.disabled = page.page === 0;
    this.nextButton.disabled = page.page >= page.pages - 1;
    this.pager.hidden = rows.length <= pageSize && this.previousButton.disabled;
  }

  private headerCell(column: TableColumn): HTMLTableCellElement {
    const active = this.sort.key === column.key;
    const button = el(
      'button',
      { type: 'button', class: 'sort', 'data-sort': column.key, title: this.options.texts.sortBy(column.label()) },
      column.label(),
      el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (this.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''),
    );
    button.addEventListener('click', () => {
      const direction: SortDirection = active ? (this.sort.direction === 'asc' ? 'desc' : 'asc') : (column.firstDirection ?? 'desc');
      this.sort = { key: column.key, direction };
      this.order = [];
      this.page = 0;
      this.render();
      this.table.querySelector<HTMLButtonElement>(`button[data-sort="${column.key}"]`)?.focus();
    });
    const attributes: Record<string, string> = { scope: 'col', class: column.numeric ? 'num' : '', 'data-col': column.key };
    if (active) attributes['aria-sort'] = this.sort.direction === 'asc' ? 'ascending' : 'descending';
    return el('th', attributes, button);
  }

  private visibleRows(): number[] {
    if (this.order.length !== this.rowCount) {
      const column = this.options.columns.find((c) => c.key === this.sort.key) ?? this.options.columns[0];
      this.order = sortedOrder(this.rowCount, column.sortKeys, this.sort.direction, this.options.locale());
    }
    const query = this.search?.value ?? '';
    const name = this.options.rowName;
    if (!name || query.trim() === '') return this.order;
    const folded = (this.folded ??= Array.from({ length: this.rowCount }, (_, row) => foldForSearch(name(row))));
    return filterRows(this.order, (row) => folded[row], query);
  }

  private turn(step: number): void {
    this.page += step;
    this.render();
  }
}
