import type { Entry } from '../entry';

// Readers of planners' files: Excel, encodings, official exports, SDMX-CSV, JSON-stat: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'import.kind.xlsx': 'Excel workbook',
  'import.kind.sdmx': 'Eurostat SDMX-CSV',
  'import.kind.jsonStat': 'JSON-stat 2.0',
  'formats.encoding': 'Text encoding',
  'formats.encodingDetected': '{encoding} (recognised)',
  'formats.encodingHint': 'Names look garbled? Choose the encoding the file was saved in; it is read again.',
  'formats.sheet': 'Sheet',
  'formats.level': 'Level of “{column}” used',
  'formats.levelOption': { one: 'level {level}: {examples} ({n} row)', other: 'level {level}: {examples} ({n} rows)' },
  'formats.levelHint': 'The column lists a hierarchy ({by}); rows of the other levels are left out and counted, so parents and children are never added up.',
  'formats.by.indent': 'by indentation',
  'formats.by.numbering': 'by numbering',
  'formats.by.capitals': 'sections in capitals',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'import.kind.xlsx': 'Книга Excel',
  'import.kind.sdmx': 'SDMX-CSV Евростата',
  'import.kind.jsonStat': 'JSON-stat 2.0',
  'formats.encoding': 'Кодировка текста',
  'formats.encodingDetected': '{encoding} (определена)',
  'formats.encodingHint': 'Названия искажены? Выберите кодировку, в которой сохранён файл; он будет прочитан заново.',
  'formats.sheet': 'Лист',
  'formats.level': 'Уровень столбца «{column}»',
  'formats.levelOption': { one: 'уровень {level}: {examples} ({n} строка)', few: 'уровень {level}: {examples} ({n} строки)', many: 'уровень {level}: {examples} ({n} строк)', other: 'уровень {level}: {examples} ({n} строки)' },
  'formats.levelHint': 'В столбце иерархия ({by}); строки других уровней не используются и учитываются в отчёте, так что итоги и их части никогда не складываются.',
  'formats.by.indent': 'по отступам',
  'formats.by.numbering': 'по нумерации',
  'formats.by.capitals': 'разделы прописными буквами',
};
