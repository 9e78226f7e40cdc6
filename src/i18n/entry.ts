/** A message: plain text with {params}, or plural forms chosen by Intl.PluralRules. */
export type Plural = { one: string; few?: string; many?: string; other: string };
export type Entry = string | Plural;
