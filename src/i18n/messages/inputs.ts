import type { Entry } from '../entry';

// Limits and located errors of hostile or broken inputs: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'inputs.categories.more': {
    one: '… {n} more category: type to search',
    other: '… {n} more categories: type to search',
  },
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'inputs.categories.more': {
    one: '… ещё {n} категория: начните вводить название',
    few: '… ещё {n} категории: начните вводить название',
    many: '… ещё {n} категорий: начните вводить название',
    other: '… ещё {n} категории: начните вводить название',
  },
};
