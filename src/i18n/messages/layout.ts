import type { Entry } from '../entry';

// Screen layout, panels and cartography: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'layout.sheet.controls': 'Map settings',
  'layout.sheet.explore': 'Regions',
  'layout.sheet.expand': 'Show the panel',
  'layout.sheet.collapse': 'Hide the panel',
  'layout.card.profile': 'Open the profile',
  'layout.panel.widen': 'All columns',
  'layout.ranking.reveal': 'Show {name} (row {row})',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'layout.sheet.controls': 'Настройки карты',
  'layout.sheet.explore': 'Регионы',
  'layout.sheet.expand': 'Показать панель',
  'layout.sheet.collapse': 'Скрыть панель',
  'layout.card.profile': 'Открыть профиль',
  'layout.panel.widen': 'Все столбцы',
  'layout.ranking.reveal': 'Показать: {name} (строка {row})',
};
