import { t, type MessageKey } from '../i18n/i18n';
import type { LoadedDataset } from '../engine/types';

/** Eurostat's flags on single values (https://ec.europa.eu/eurostat/data/database/information). */
const KNOWN = new Set(['b', 'c', 'd', 'e', 'f', 'n', 'p', 'r', 's', 'u', 'z']);

/** The source's flags on one value, as the tooltip shows them: the letters and what they mean. */
export function sourceFlags(dataset: LoadedDataset, yearIndex: number, regionIndex: number, categoryIndex: number): { codes: string; text: string } | undefined {
  const codes = dataset.flags?.[yearIndex]?.get(regionIndex * dataset.categories.length + categoryIndex);
  if (!codes) return undefined;
  const text = [...codes]
    .map((letter) => (KNOWN.has(letter) ? `${letter} — ${t(`import.flag.${letter}` as MessageKey)}` : letter))
    .join('; ');
  return { codes, text: t('import.flags', { flags: text }) };
}
