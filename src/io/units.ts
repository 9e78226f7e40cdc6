/**
 * What one value of a table counts. Eurostat names it with a code in its `unit` dimension; a
 * statistics office's export says it in a title row ("тыс. человек", "thousand persons"). The
 * interface names known units in its own language by their code and shows any other as stated.
 */

/** Eurostat unit codes of employment tables and their English names. */
const EUROSTAT_UNITS: Record<string, string> = {
  THS: 'thousand persons',
  THS_PER: 'thousand persons',
  PER: 'persons',
  NR: 'number',
  PC: 'percentage',
};

/** What a table's employment counts when it does not say: people (the exports' and the CLI's `employment_unit`). */
export const DEFAULT_EMPLOYMENT_UNIT = 'persons';

export function eurostatUnitName(code: string): string | undefined {
  return EUROSTAT_UNITS[code];
}

/** Units as title rows state them, with the code the interface names them by. */
const STATED_UNITS: { pattern: RegExp; code: string; name: string }[] = [
  { pattern: /(тыс(\.|яч[а-я]*)\s*(чел(\.|овек)?))|thousands?\s+(of\s+)?persons/i, code: 'THS', name: 'thousand persons' },
  { pattern: /(^|[^а-я])(человек|чел\.)|(^|\W)persons(\W|$)/i, code: 'PER', name: 'persons' },
];

/** The unit a title or header text states, if it states one. */
export function unitFromText(text: string): { code: string; name: string } | undefined {
  for (const { pattern, code, name } of STATED_UNITS) if (pattern.test(text)) return { code, name };
  return undefined;
}

/** A unit a file states above its table: the normalised unit, and where and how the file says it. */
export interface StatedUnit {
  code: string;
  name: string;
  /** The row's text as the file has it, and its line (absent for a sub-header under every column). */
  text: string;
  line?: number;
}

/** The first title row, then the first sub-header under every column, that states a unit. */
export function statedUnit(titles: readonly { line: number; text: string }[], qualifiers: readonly string[] = []): StatedUnit | undefined {
  for (const { line, text } of titles) {
    const unit = unitFromText(text);
    if (unit) return { ...unit, text, line };
  }
  for (const text of qualifiers) {
    const unit = unitFromText(text);
    if (unit) return { ...unit, text };
  }
  return undefined;
}
