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
  'layout.rule.cutUnused': 'Not used by U.S. Cluster Mapping: a strong cluster is in the top quarter of its category’s regions by LQ, employment and establishments.',
  'layout.rule.lqUnusedCmp': 'Not used by U.S. Cluster Mapping: its LQ test is the category’s 75th percentile and at least 1.',
  'layout.rule.lqUnusedPaper': 'Not used by this rule: the specialisation star is ranked like the other two.',
  'analysis.class.auto': 'Standard (LQ: fixed classes; other values: quantiles)',
  'layout.legend.fewer': '{shown} classes shown of {asked} asked: too many regions share the same values for more classes with distinct ends.',
  'layout.legend.fewerDistinct': '{shown} classes shown of {asked} asked: the values have only {distinct} distinct values.',
  'method.lqclasses.title': 'Standard LQ classes',
  'method.lqclasses.formula': '< 0.5 · 0.5 – 0.8 · 0.8 – 1.25 · 1.25 – 2 · 2 – 3 · ≥ 3',
  'method.lqclasses.text': 'Unless another method is chosen, the location quotient is drawn in six fixed classes whose breaks are symmetric around 1 on a log scale (0.8 = 1 / 1.25, 0.5 = 1 / 2). The same breaks hold for every category, year and dataset, so a colour always means the same degree of specialisation and colours stay comparable during Play. 0.8 – 1.25 (about the national share) takes the palette’s neutral middle; 2 is the threshold of the European Cluster Observatory’s specialisation star. Other values (employment, shares, change) are classed in quantiles by default.',
  'method.lqclasses.source': 'European Cluster Observatory (2011), Methodology and findings report; Brewer (1994), colour use guidelines for mapping.',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'layout.sheet.controls': 'Настройки карты',
  'layout.sheet.explore': 'Регионы',
  'layout.sheet.expand': 'Показать панель',
  'layout.sheet.collapse': 'Скрыть панель',
  'layout.card.profile': 'Открыть профиль',
  'layout.panel.widen': 'Все столбцы',
  'layout.ranking.reveal': 'Показать: {name} (строка {row})',
  'layout.rule.cutUnused': 'Не используется правилом U.S. Cluster Mapping: сильный кластер входит в верхнюю четверть регионов своей категории по КЛ, занятости и числу предприятий.',
  'layout.rule.lqUnusedCmp': 'Не используется правилом U.S. Cluster Mapping: его порог КЛ — 75-й процентиль категории, но не меньше 1.',
  'layout.rule.lqUnusedPaper': 'Не используется этим правилом: звезда специализации присуждается по рангу, как две другие.',
  'analysis.class.auto': 'Стандартная (КЛ: постоянные классы; прочие значения: квантили)',
  'layout.legend.fewer': 'Показано классов: {shown} из {asked} запрошенных — слишком многие регионы имеют одинаковые значения, чтобы у большего числа классов были различные границы.',
  'layout.legend.fewerDistinct': 'Показано классов: {shown} из {asked} запрошенных — различных значений всего {distinct}.',
  'method.lqclasses.title': 'Стандартные классы КЛ',
  'method.lqclasses.formula': '< 0,5 · 0,5 – 0,8 · 0,8 – 1,25 · 1,25 – 2 · 2 – 3 · ≥ 3',
  'method.lqclasses.text': 'Если не выбран другой способ, коэффициент локализации показывается шестью постоянными классами, границы которых симметричны относительно 1 в логарифмической шкале (0,8 = 1 / 1,25; 0,5 = 1 / 2). Границы одни и те же для всех категорий, лет и наборов данных: цвет всегда означает одну и ту же степень специализации, и при воспроизведении по годам цвета сопоставимы. Класс 0,8 – 1,25 (около средней по стране доли) получает нейтральный средний цвет палитры; 2 — порог звезды специализации Европейской кластерной обсерватории. Прочие значения (занятость, доли, изменения) по умолчанию делятся на классы по квантилям.',
  'method.lqclasses.source': 'European Cluster Observatory (2011), Methodology and findings report; Brewer (1994), colour use guidelines for mapping.',
};
