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
  'data.import.keepNonIndustry': 'Keep codes that are not industries (TOTAL, NRP “no response”, B-E beside C, “Всего по …”) as categories',
  'data.info.nonIndustry': 'Left out of the categories as not industries: {list}',
  'data.nonIndustry.total': '{code}: a total',
  'data.nonIndustry.no-response': '{code}: no response / not stated',
  'data.nonIndustry.aggregate': '{code}: an aggregate of {parts}, also given',
  'data.rule.minEmployment': 'Minimum employment of a cell',
  'data.rule.minEstablishments': 'Minimum establishments of a cell',
  'data.rule.minHint': 'A region × category below this size earns no star and no ranking place. Empty: no minimum, as the published rules.',
  'data.rule.minNone': 'none',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'data.unit.THS': 'тыс. человек',
  'data.unit.PER': 'человек',
  'data.unit.values': 'занятость, {unit}',
  'data.picker.licence': 'Лицензия: {licence}',
  'data.info.unit': 'Численность занятых в единицах: {unit}',
  'data.info.source': 'Источник: {source}',
  'data.info.period': 'Период, как его указывает источник: {period}',
  'data.import.keepNonIndustry': 'Оставить коды, которые не являются отраслями (TOTAL, NRP «нет ответа», B-E рядом с C, «Всего по …»), среди категорий',
  'data.info.nonIndustry': 'Не включены в категории, так как это не отрасли: {list}',
  'data.nonIndustry.total': '{code}: итог',
  'data.nonIndustry.no-response': '{code}: нет ответа / не указано',
  'data.nonIndustry.aggregate': '{code}: сумма {parts}, которые также даны',
  'data.rule.minEmployment': 'Минимальная занятость ячейки',
  'data.rule.minEstablishments': 'Минимальное число предприятий ячейки',
  'data.rule.minHint': 'Регион × категория меньше этого размера не получает звёзд и места в рейтинге. Пусто: без минимума, как в опубликованных правилах.',
  'data.rule.minNone': 'нет',
};
