import { t } from '../i18n/i18n';
import { el } from './dom';
import type { CellDetails } from '../engine/cellDetails';

/** The star flags of one region × category, as the tooltip and the profile rows carry them. */
export type StarFlags = Pick<CellDetails, 'starCount' | 'sizeStar' | 'specialisationStar' | 'focusStar' | 'strong' | 'strong10'>;

/** Stars as glyphs (★★☆) for the eye and as words for everyone: colour is never the only cue. */
export function starsText(flags: StarFlags): { glyphs: string; text: string } {
  const earned = [
    flags.sizeStar && t('stars.size'),
    flags.specialisationStar && t('stars.specialisation'),
    flags.focusStar && t('stars.focus'),
  ].filter((s): s is string => typeof s === 'string');
  const glyphs = '★'.repeat(flags.starCount) + '☆'.repeat(Math.max(0, 3 - flags.starCount));
  const stars = earned.length > 0 ? `${t('stars.count', { n: earned.length })}: ${earned.join(', ')}` : t('stars.none');
  const strong = flags.strong === undefined ? '' : ` · ${t(flags.strong10 ? 'cmp.strong10' : flags.strong ? 'cmp.strong' : 'cmp.notStrong')}`;
  return { glyphs, text: stars + strong };
}

/** Glyphs hidden from screen readers (the words say the same), then the words. */
export function starsContent(flags: StarFlags): (Node | string)[] {
  const { glyphs, text } = starsText(flags);
  return [el('span', { class: 'stars', 'aria-hidden': 'true' }, glyphs), ' ', el('span', { class: 'stars-words' }, text)];
}
