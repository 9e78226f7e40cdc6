import type { Entry } from '../entry';

// The one engine: controller and shared import steps: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  // The file's own words for the unit: the interface names the normalised unit in the legend and tooltip.
  'engine.note.statedUnit': 'Unit of the values, as line {line} states: "{text}"',
  'engine.note.statedUnitHeader': 'Unit of the values, as the header states: "{text}"',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'engine.note.statedUnit': 'Единица значений, как указано в строке {line}: «{text}»',
  'engine.note.statedUnitHeader': 'Единица значений, как указано в заголовке таблицы: «{text}»',
};
