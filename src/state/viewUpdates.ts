import { ruleText } from '../model/dataset';
/**
 * The view changes the page makes, as pure updaters (view + change → view): what main.ts does on
 * a control, a dataset switch, a link followed or a camera move, testable without a page.
 */
import type { LoadedDataset } from '../engine/types';
import type { Lang } from '../i18n/i18n';
import { initialView, type View } from './store';

/** A control moved: the change laid over the view. */
export function withChange(view: View, change: Partial<View>): View {
  return { ...view, ...change };
}

/** Every parameter of the rule (kind, cut share, LQ threshold, minimum size, benchmark) counts. */
export function sameRule(a: View['rule'], b: View['rule']): boolean {
  return ruleText(a) === ruleText(b);
}

/** Whether the worker must compute again for this view: the year or the rule is not the one computed. */
export function needsCompute(computed: { yearIndex: number; result: { rule: View['rule'] } }, dataset: Pick<LoadedDataset, 'years'>, view: View): boolean {
  return computed.yearIndex !== dataset.years.indexOf(view.year) || !sameRule(computed.result.rule, view.rule);
}

/**
 * What stays in view when another dataset replaces the shown one: the indicator and rule, the
 * overlays (circles, place names), and the category and year when the new dataset has them (a manual join fix rebuilds the same data).
 */
export function keptAcrossDatasets(previous: View | undefined, dataset: Pick<LoadedDataset, 'categories' | 'years'>): Partial<View> {
  return {
    ind: previous?.ind,
    rule: previous?.rule,
    cat: dataset.categories.some((c) => c.id === previous?.cat) ? previous?.cat : undefined,
    year: previous && dataset.years.includes(previous.year) ? previous.year : undefined,
    // What is drawn over the map is a way of looking, not a property of the data.
    ...(previous?.symbols ? { symbols: true as const } : {}),
    ...(previous?.labels === false ? { labels: false as const } : {}),
  };
}

/** A link followed (the hash changed): its keys over the current view, the pinned region released unless it names one. */
export function viewFromLink(dataset: LoadedDataset, current: View, linked: Partial<View>, lang: Lang, notices: string[]): View {
  return { ...initialView(dataset, { ...current, region: undefined, ...linked }, notices), lang };
}

/** The camera moved. */
export function withViewport(view: View, viewport: View['viewport']): View {
  return { ...view, viewport };
}
