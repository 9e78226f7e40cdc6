import type { Entry } from '../entry';

// Region dashboard, linked views, presentations and report exports: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'atlas.deck.copyLink': 'Copy deck link',
  'atlas.deck.download': 'Download deck (file)',
  'atlas.deck.openFile': 'Open deck file…',
  'atlas.deck.caption': 'Caption of slide {n}',
  'atlas.deck.copied': { one: 'Link to the deck of {n} slide copied.', other: 'Link to the deck of {n} slides copied.' },
  'atlas.deck.copyManual': 'Copy the link below (Ctrl+C):',
  'atlas.deck.linkLabel': 'Link to the deck',
  'atlas.deck.opened': { one: 'Opened a deck of {n} slide from {source} (kept for this page).', other: 'Opened a deck of {n} slides from {source} (kept for this page).' },
  'atlas.deck.dropped': { one: '{n} slide was left out: {list}.', other: '{n} slides were left out: {list}.' },
  'atlas.deck.badFile': 'This file is not a deck: {message}',
  'atlas.deck.fromLink': 'the link',
  'atlas.deck.badLink': 'The deck in the link could not be read: {message}',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'atlas.deck.copyLink': 'Копировать ссылку на презентацию',
  'atlas.deck.download': 'Скачать презентацию (файл)',
  'atlas.deck.openFile': 'Открыть файл презентации…',
  'atlas.deck.caption': 'Подпись слайда {n}',
  'atlas.deck.copied': { one: 'Ссылка на презентацию из {n} слайда скопирована.', few: 'Ссылка на презентацию из {n} слайдов скопирована.', many: 'Ссылка на презентацию из {n} слайдов скопирована.', other: 'Ссылка на презентацию из {n} слайда скопирована.' },
  'atlas.deck.copyManual': 'Скопируйте ссылку ниже (Ctrl+C):',
  'atlas.deck.linkLabel': 'Ссылка на презентацию',
  'atlas.deck.opened': { one: 'Открыта презентация из {n} слайда ({source}); она хранится только на этой странице.', few: 'Открыта презентация из {n} слайдов ({source}); она хранится только на этой странице.', many: 'Открыта презентация из {n} слайдов ({source}); она хранится только на этой странице.', other: 'Открыта презентация из {n} слайда ({source}); она хранится только на этой странице.' },
  'atlas.deck.dropped': { one: 'Пропущен {n} слайд: {list}.', few: 'Пропущено {n} слайда: {list}.', many: 'Пропущено {n} слайдов: {list}.', other: 'Пропущено {n} слайда: {list}.' },
  'atlas.deck.badFile': 'Этот файл — не презентация: {message}',
  'atlas.deck.fromLink': 'по ссылке',
  'atlas.deck.badLink': 'Не удалось прочитать презентацию из ссылки: {message}',
};
