import { t, type MessageKey } from '../i18n/i18n';
import type { LoadedDataset } from '../engine/types';
import { SOURCE_FLAGS } from '../io/sourceFlags';


/** The source's flags on one value, as the tooltip shows them: the letters and what they mean. */
export function sourceFlags(dataset: LoadedDataset, yearIndex: number, regionIndex: number, categoryIndex: number): { codes: string; text: string } | undefined {
  const codes = dataset.flags?.[yearIndex]?.get(regionIndex * dataset.categories.length + categoryIndex);
  if (!codes) return undefined;
  const text = [...codes]
    .map((letter) => (SOURCE_FLAGS.has(letter) ? `${letter} — ${t(`import.flag.${letter}` as MessageKey)}` : letter))
    .join('; ');
  return { codes, text: t('import.flags', { flags: text }) };
}
