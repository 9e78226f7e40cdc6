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
