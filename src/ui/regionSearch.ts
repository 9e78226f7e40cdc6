import type { Region } from '../model/dataset';
import { t } from '../i18n/i18n';
import { el } from './dom';
import { foldForSearch, searchRows } from './tableModel';

const MAX_OPTIONS = 12;

/**
 * Find a region by name: an ARIA 1.2 combobox (input + listbox, `aria-activedescendant`).
 * Typing lists the best matches (names starting with the text first); ↓/↑ move through them,
 * Enter picks (the first match when none is highlighted), Escape closes the list or clears the box.
 */
export class RegionSearch {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private readonly label: HTMLLabelElement;
  private regions: Region[] = [];
  private folded: string[] = [];
  private matches: number[] = [];
  private active = -1;

  constructor(private readonly onSelect: (regionIndex: number) => void) {
    this.input = el('input', {
      id: 'region-search',
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'region-search-options',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.label = el('label', { for: 'region-search' });
    this.list = el('ul', { id: 'region-search-options', role: 'listbox', class: 'combo-options', hidden: '' });
    this.status = el('p', { class: 'visually-hidden', role: 'status', id: 'region-search-status' });
    this.list.setAttribute('aria-labelledby', 'region-search-label');
    this.label.id = 'region-search-label';
    this.element = el('div', { class: 'region-search field' }, this.label, el('div', { class: 'combo' }, this.input, this.list), this.status);
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('blur', () => this.close());
    // mousedown, not click: it fires before the input's blur closes the list.
    this.list.addEventListener('mousedown', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      event.preventDefault();
      this.choose(Number(option.dataset.index));
    });
    this.relabel();
  }

  setRegions(regions: Region[]): void {
    this.regions = regions;
    this.folded = regions.map((r) => foldForSearch(r.name));
    this.close();
  }

  relabel(): void {
    this.label.textContent = t('regionSearch.label');
    this.input.placeholder = t('regionSearch.placeholder');
  }

  private update(): void {
    const query = this.input.value;
    const all = this.regions.map((_, i) => i);
    // Names are folded once; searchRows folds its argument again, which is idempotent.
    this.matches = foldForSearch(query) === '' ? [] : searchRows(all, (i) => this.folded[i], query).slice(0, MAX_OPTIONS);
    this.active = -1;
    this.render();
    this.status.textContent = foldForSearch(query) === '' ? '' : this.matches.length === 0 ? t('regionSearch.none') : t('regionSearch.results', { n: this.matches.length });
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.matches.map((regionIndex, k) =>
        el(
          'li',
          { role: 'option', id: `region-search-option-${k}`, 'data-index': String(regionIndex), 'data-region': this.regions[regionIndex].id, 'aria-selected': String(k === this.active) },
          this.regions[regionIndex].name,
        ),
      ),
    );
    const open = this.matches.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `region-search-option-${this.active}`);
      this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private key(event: KeyboardEvent): void {
    const open = !this.list.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          this.update();
          return;
        }
        const n = this.matches.length;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
        this.render();
        return;
      }
      case 'Enter':
        if (open && this.matches.length > 0) {
          event.preventDefault();
          this.choose(this.matches[Math.max(0, this.active)]);
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          this.close();
        } else if (this.input.value !== '') {
          event.preventDefault();
          event.stopPropagation();
          this.input.value = '';
          this.status.textContent = '';
        }
        return;
      default:
    }
  }

  private choose(regionIndex: number): void {
    this.input.value = this.regions[regionIndex].name;
    this.close();
    this.onSelect(regionIndex);
  }

  private close(): void {
    this.matches = [];
    this.active = -1;
    this.render();
  }
}
