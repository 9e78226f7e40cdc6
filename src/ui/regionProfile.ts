import type { Category } from '../model/dataset';
import { LIFE_CYCLE_STAGES } from '../indicators/lifeCycle';
import type { ProfileRow, RegionProfileModel } from '../state/profileRows';
import { getLang, t, type MessageKey } from '../i18n/i18n';
import { el } from './dom';
import type { Formats } from './format';
import { lqBarChart } from './profileChart';
import { SortableTable, type TableColumn } from './sortableTable';
import { starsContent } from './starsText';
import { withUnit } from './units';
import { tableTexts } from './tableTexts';
import { factList, formatIndex } from './facts';

/** Bars in the chart: the strongest categories, enough to see the profile's shape at a glance. */
const CHART_BARS = 10;

export interface ProfileContext {
  regionName: string;
  categories: Category[];
  /** The previous year's comparison is still being computed. */
  stagesPending?: boolean;
  formats: () => Formats;
  /** Opens the category ranking (one click from any row). */
  openCategory: (categoryIndex: number) => void;
  /** What the employment figures count (e.g. thousand persons). */
  unit?: string;
}

export function stageLabel(stage: number): string {
  return t(`profile.stage.${LIFE_CYCLE_STAGES[stage]}` as MessageKey);
}

/**
 * The region profile: every category of the region with employment, LQ, both shares, stars (★ and
 * words) and life-cycle stage, strongest first; a bar chart of the strongest; the region's
 * specialisation and diversity. Rows are the model's (see src/state/profileRows.ts).
 */
export class RegionProfileView {
  readonly element = el('section', { class: 'region-profile', id: 'region-profile', 'aria-labelledby': 'region-profile-title' });
  private model: RegionProfileModel | undefined;
  private context: ProfileContext | undefined;
  private readonly table: SortableTable;

  constructor() {
    const row = (r: number): ProfileRow => this.model!.rows[r];
    const f = () => this.context!.formats();
    const columns: TableColumn[] = [
      {
        key: 'category',
        label: () => t('table.category'),
        firstDirection: 'asc',
        sortKeys: [(r) => this.context!.categories[row(r).category].name],
        cell: (r) => {
          const c = row(r).category;
          const button = el('button', { type: 'button', class: 'link', 'data-category': this.context!.categories[c].id, title: t('profile.openCategory') }, this.context!.categories[c].name);
          button.addEventListener('click', () => this.context!.openCategory(c));
          return button;
        },
      },
      { key: 'employment', label: () => withUnit(t('table.employment'), this.context?.unit), numeric: true, sortKeys: [(r) => row(r).employment], cell: (r) => f().count(row(r).employment) },
      { key: 'lq', label: () => t('table.lq'), numeric: true, sortKeys: [(r) => row(r).lq], cell: (r) => f().lq(row(r).lq) },
      { key: 'focus', label: () => t('table.focus'), numeric: true, sortKeys: [(r) => row(r).focus], cell: (r) => f().share(row(r).focus) },
      { key: 'size', label: () => t('table.size'), numeric: true, sortKeys: [(r) => row(r).size], cell: (r) => f().share(row(r).size) },
      {
        key: 'stars',
        label: () => t('table.stars'),
        // Strength: stars, then LQ, then employment — the profile's own order.
        sortKeys: [(r) => row(r).starCount, (r) => row(r).lq, (r) => row(r).employment],
        cell: (r) => el('span', { 'data-stars': String(row(r).starCount) }, ...starsContent(row(r))),
      },
      {
        key: 'stage',
        label: () => t('table.stage'),
        firstDirection: 'asc',
        sortKeys: [(r) => (row(r).stage === undefined ? NaN : stageLabel(row(r).stage!))],
        cell: (r) => (row(r).stage === undefined ? '—' : stageLabel(row(r).stage!)),
      },
    ];
    this.table = new SortableTable({
      id: 'profile-categories',
      columns,
      texts: tableTexts(() => t('profile.caption'), f),
      pageSize: Infinity,
      sort: { key: 'stars', direction: 'desc' },
      locale: getLang,
      rowAttributes: (r) => ({ 'data-category': this.context!.categories[row(r).category].id }),
    });
  }

  show(model: RegionProfileModel, context: ProfileContext): void {
    this.model = model;
    this.context = context;
    const f = context.formats();
    const heading = el('h2', { id: 'region-profile-title', tabindex: '-1' }, context.regionName);
    const subtitle = el('p', { class: 'subtitle' }, t('profile.subtitle', { year: model.year }));
    if (!(model.regionEmployment > 0)) {
      this.element.replaceChildren(heading, subtitle, el('p', {}, t('profile.noData')));
      return;
    }
    const lang = getLang();
    const summary = factList([
      ['employment', withUnit(t('profile.employment'), context.unit), f.count(model.regionEmployment)],
      ['starred', t('profile.starred'), f.count(model.starred)],
      ['krugman', t('profile.krugman'), formatIndex(model.krugman, lang)],
      ['shannon', t('profile.shannon'), formatIndex(model.shannon, lang)],
      ['evenness', t('profile.evenness'), formatIndex(model.evenness, lang)],
    ]);
    const bars = model.rows
      .filter((r) => r.employment > 0)
      .slice(0, CHART_BARS)
      .map((r) => ({ label: context.categories[r.category].name, value: r.lq, text: f.lq(r.lq), stars: r.starCount }));
    const stageNote = el(
      'p',
      { class: 'note' },
      model.previousYear !== undefined
        ? t('profile.stageSince', { year: model.year, from: model.previousYear })
        : context.stagesPending
          ? t('profile.stagePending')
          : t('profile.noStage'),
    );
    this.table.setRows(model.rows.length);
    this.element.replaceChildren(heading, subtitle, summary, bars.length > 0 ? lqBarChart(bars) : '', stageNote, this.table.element);
  }

  /** Focus lands on the heading, so a keyboard user continues from the top of the profile. */
  focus(): void {
    this.element.querySelector<HTMLElement>('#region-profile-title')?.focus();
  }
}
