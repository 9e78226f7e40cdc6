import type { Category, IndicatorId } from '../model/dataset';
import { INDICATORS } from '../model/dataset';
import { byId, el } from './dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';

export function indicatorLabel(id: IndicatorId): string {
  return t(`indicator.${id}` as MessageKey);
}

export interface ControlHandlers {
  category(id: string): void;
  indicator(id: IndicatorId): void;
  year(year: number): void;
}

/** Category picker with search, indicator picker and year picker; all native, keyboard-usable elements. */
export class Controls {
  private readonly search = byId<HTMLInputElement>('category-search');
  private readonly categorySelect = byId<HTMLSelectElement>('category');
  private readonly indicatorSelect = byId<HTMLSelectElement>('indicator');
  private readonly yearSelect = byId<HTMLSelectElement>('year');
  private readonly yearField = byId('year-field');
  private categories: Category[] = [];
  private current: string | undefined;

  constructor(handlers: ControlHandlers) {
    this.renderIndicators();
    this.search.addEventListener('input', () => this.renderCategories());
    this.search.addEventListener('keydown', (event) => {
      // Enter picks the first match, so search-and-go needs no mouse.
      if (event.key === 'Enter' && this.categorySelect.options.length > 0) {
        event.preventDefault();
        handlers.category(this.categorySelect.options[0].value);
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.categorySelect.focus();
      }
    });
    this.categorySelect.addEventListener('change', () => handlers.category(this.categorySelect.value));
    this.indicatorSelect.addEventListener('change', () => handlers.indicator(this.indicatorSelect.value as IndicatorId));
    this.yearSelect.addEventListener('change', () => handlers.year(Number(this.yearSelect.value)));
  }

  /** Re-labels everything in the current language, keeping the selection. */
  relabel(): void {
    const indicator = this.indicatorSelect.value;
    this.renderIndicators();
    this.indicatorSelect.value = indicator;
    this.renderCategories();
  }

  private renderIndicators(): void {
    this.indicatorSelect.replaceChildren(...INDICATORS.map((id) => el('option', { value: id }, indicatorLabel(id))));
  }

  setDataset(categories: Category[], years: number[]): void {
    this.categories = categories;
    this.yearSelect.replaceChildren(...years.map((y) => el('option', { value: String(y) }, String(y))));
    this.yearField.hidden = years.length < 2;
    this.renderCategories();
  }

  show(view: { cat: string; ind: IndicatorId; year: number }): void {
    this.current = view.cat;
    this.indicatorSelect.value = view.ind;
    this.yearSelect.value = String(view.year);
    this.renderCategories();
  }

  private renderCategories(): void {
    const query = this.search.value.trim().toLowerCase();
    // At most MAX_LISTED options: a <select> of 10^5 options freezes the page for tens of seconds.
    const matches: Category[] = [];
    let more = 0;
    for (const c of this.categories) {
      if (!(query === '' || c.id === this.current || c.name.toLowerCase().includes(query) || c.id.toLowerCase().includes(query))) continue;
      if (matches.length < MAX_LISTED_CATEGORIES) matches.push(c);
      else if (c.id === this.current) matches[matches.length - 1] = c;
      else more++;
    }
    // Groups (e.g. traded / local) become option groups so names stay short and readable.
    const groups = new Map<string, Category[]>();
    for (const c of matches) {
      const key = c.group ?? '';
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
    const option = (c: Category) => el('option', { value: c.id }, c.name);
    const options: HTMLElement[] = [...groups].flatMap(([group, list]) =>
      group === '' || groups.size === 1 ? list.map(option) : [el('optgroup', { label: capitalise(group) }, ...list.map(option))],
    );
    if (more > 0) options.push(el('option', { value: '', disabled: '' }, t('inputs.categories.more', { n: more.toLocaleString(getLang()), count: more })));
    this.categorySelect.replaceChildren(...options);
    if (this.current !== undefined) this.categorySelect.value = this.current;
  }
}

/** Most categories listed in the picker at once; the search reaches the rest. */
export const MAX_LISTED_CATEGORIES = 1_000;

function capitalise(group: string): string {
  if (group === 'traded' || group === 'local') return t(`group.${group}`);
  return group.charAt(0).toUpperCase() + group.slice(1);
}
