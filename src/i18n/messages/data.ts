import type { Entry } from '../entry';

// Units, non-industry codes, benchmarks, minimum size, NUTS versions and the shipped datasets: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'data.unit.THS': 'thousand persons',
  'data.unit.PER': 'persons',
  'data.unit.values': 'employment in {unit}',
  'data.picker.licence': 'Licence: {licence}',
  'data.info.unit': 'Employment figures in {unit}',
  'data.info.source': 'Source: {source}',
  'data.info.period': 'Period as the source states it: {period}',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'data.unit.THS': 'тыс. человек',
  'data.unit.PER': 'человек',
  'data.unit.values': 'занятость, {unit}',
  'data.picker.licence': 'Лицензия: {licence}',
  'data.info.unit': 'Численность занятых в единицах: {unit}',
  'data.info.source': 'Источник: {source}',
  'data.info.period': 'Период, как его указывает источник: {period}',
};
