/**
 * Region names as statistics offices and GIS files write them differ in case, diacritics,
 * punctuation, hyphen spacing and administrative words ("Республика Адыгея" / "Адыгея",
 * "г. Москва" / "Москва", "Republic of Karelia" / "Karelia"). `normaliseRegionName` reduces a
 * name to the words that identify it, so that such pairs compare equal.
 */

/** Words that say what kind of unit a region is, not which one; removed as whole words. */
const ADMINISTRATIVE_WORDS = new Set([
  // English (and transliterated Russian)
  'republic', 'of', 'the', 'oblast', 'krai', 'kray', 'autonomous', 'okrug', 'city', 'federal',
  // Russian: республика, область, край, автономный/автономная округ/область, г. / город
  'республика', 'область', 'край', 'автономный', 'автономная', 'округ', 'г', 'город',
]);

export function normaliseRegionName(name: string): string {
  const plain = name
    .replace(/[ёЁ]/g, 'е')
    .normalize('NFKD')
    // Combining marks go (é → e) but й must stay й: it would otherwise become и.
    .replace(/и\u0306/g, 'й')
    .replace(/И\u0306/g, 'Й')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const words = plain.split(' ').filter((w) => w !== '');
  const kept = words.filter((w) => !ADMINISTRATIVE_WORDS.has(w));
  // "Республика Татарстан (Татарстан)": the official double form repeats the name.
  const unique = (kept.length > 0 ? kept : words).filter((w, i, all) => all.indexOf(w) === i);
  return unique.join(' ');
}

/**
 * Official alternative names that normalisation cannot reach, as groups of normalised names.
 * The Russian ones are the double names of Article 65 of the Constitution of the Russian
 * Federation ("Чувашская Республика — Чувашия", "Республика Саха (Якутия)",
 * "Ханты-Мансийский автономный округ — Югра", "Республика Северная Осетия — Алания") and
 * "Кемеровская область — Кузбасс" (renamed 2019), with their usual English forms. Only
 * names of the same region are grouped, so an alias can never merge two regions.
 */
export const REGION_NAME_ALIASES: readonly (readonly string[])[] = [
  ['чувашская', 'чувашия'],
  ['саха якутия', 'якутия', 'саха'],
  ['ханты мансийский югра', 'ханты мансийский', 'югра'],
  ['северная осетия алания', 'северная осетия'],
  ['кемеровская', 'кемеровская кузбасс', 'кузбасс'],
  ['chuvash', 'chuvashia'],
  ['sakha yakutia', 'yakutia', 'sakha'],
  ['khanty mansi yugra', 'khanty mansi', 'yugra'],
  ['north ossetia alania', 'north ossetia'],
  ['kemerovo', 'kemerovo kuzbass', 'kuzbass'],
].map((group) => group.map(normaliseRegionName));

/** Other normalised names of the same region (empty when it has none). */
export function nameAliases(normalised: string, groups: readonly (readonly string[])[] = REGION_NAME_ALIASES): string[] {
  const group = groups.find((g) => g.includes(normalised));
  return group ? group.filter((n) => n !== normalised) : [];
}

/**
 * Country prefixes that differ between code lists: Eurostat's NUTS uses EL for Greece and UK for
 * the United Kingdom, where ISO 3166 (and some NUTS boundary files) use GR and GB.
 */
export const CODE_PREFIX_ALIASES: readonly (readonly [string, string])[] = [
  ['EL', 'GR'],
  ['UK', 'GB'],
];

/** The code under the other spelling of its country prefix, if it has one. */
export function codeAliases(code: string): string[] {
  if (!/^[A-Z]{2}[0-9A-Z]*$/.test(code)) return [];
  const out: string[] = [];
  for (const [a, b] of CODE_PREFIX_ALIASES) {
    if (code.startsWith(a)) out.push(b + code.slice(2));
    else if (code.startsWith(b)) out.push(a + code.slice(2));
  }
  return out;
}
