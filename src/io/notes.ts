/**
 * Notes about inputs (which id property, which measure, what was redrawn) are English sentences for
 * the CLI and the reports, and each comes from one template here that can also read it back into
 * its message key and parameters, so the interface words it in its own language (`wordNote` in
 * src/ui/noteText.ts). A note made elsewhere simply stays as it is.
 */
export interface KeyedNote {
  /** Message key in the interface's dictionary (src/i18n/messages/layout.ts). */
  key: string;
  params: Record<string, string | number>;
}

interface Template {
  key: string;
  pattern: RegExp;
  /** Names of the pattern's groups, in order. */
  params: string[];
}

const TEMPLATES: Template[] = [
  { key: 'note.idsDetected', pattern: /^region ids from property "(.*)" \(detected\)$/, params: ['property'] },
  { key: 'note.idsDetectedFeature', pattern: /^region ids from the feature ids \(detected\)$/, params: [] },
  {
    key: 'note.idsBest',
    pattern: /^region ids from property "(.*)": it matches the most data regions \((\d+) by code, (\d+) by name\)$/,
    params: ['property', 'byCode', 'byName'],
  },
  {
    key: 'note.idsBestFeature',
    pattern: /^region ids from the feature ids: it matches the most data regions \((\d+) by code, (\d+) by name\)$/,
    params: ['byCode', 'byName'],
  },
  { key: 'note.antimeridian', pattern: /^(\d+) region\(s\) crossing the 180° meridian redrawn as one shape: (.*)$/s, params: ['n', 'names'] },
  { key: 'note.measureAlso', pattern: /^measure (.*) used \(also present: (.*)\)$/, params: ['measure', 'others'] },
  { key: 'note.measure', pattern: /^measure (.*) used$/, params: ['measure'] },
  { key: 'note.encoding', pattern: /^not UTF-8: read as (.*)$/, params: ['encoding'] },
  { key: 'note.blankLines', pattern: /^(\d+) blank line\(s\) skipped$/, params: ['n'] },
  { key: 'note.columnsUnused', pattern: /^columns not used: (.*)$/, params: ['columns'] },
  { key: 'note.yourFiles', pattern: /^Your files: (.*)$/, params: ['files'] },
  { key: 'engine.note.statedUnit', pattern: /^unit of the values: (.*), as line (\d+) states \("(.*)"\)$/s, params: ['unit', 'line', 'text'] },
  { key: 'engine.note.statedUnitHeader', pattern: /^unit of the values: (.*), as the header states \("(.*)"\)$/s, params: ['unit', 'text'] },
];

const property = (id: string, featureId: string) => (id === featureId ? 'the feature ids' : `property "${id}"`);

/** The English notes, written by the modules that notice what they say. */
export const notes = {
  idsDetected: (id: string, featureId: string) => `region ids from ${property(id, featureId)} (detected)`,
  idsBest: (id: string, featureId: string, byCode: number, byName: number) =>
    `region ids from ${property(id, featureId)}: it matches the most data regions (${byCode} by code, ${byName} by name)`,
  antimeridian: (names: string[]) => `${names.length} region(s) crossing the 180° meridian redrawn as one shape: ${names.join(', ')}`,
  measure: (measure: string, others: string[]) => `measure ${measure} used${others.length > 0 ? ` (also present: ${others.join(', ')})` : ''}`,
  encoding: (encoding: string) => `not UTF-8: read as ${encoding}`,
  blankLines: (n: number) => `${n} blank line(s) skipped`,
  statedUnit: (unit: { name: string; text: string; line?: number }) =>
    unit.line !== undefined ? `unit of the values: ${unit.name}, as line ${unit.line} states ("${unit.text}")` : `unit of the values: ${unit.name}, as the header states ("${unit.text}")`,
  columnsUnused: (columns: string[]) => `columns not used: ${columns.join(', ')}`,
  yourFiles: (files: string[]) => `Your files: ${files.join(', ')}`,
};

/** The message key and parameters of a note made by `notes`, or undefined for any other text. */
export function keyedNote(text: string): KeyedNote | undefined {
  for (const template of TEMPLATES) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string | number> = {};
    template.params.forEach((name, i) => {
      const value = match[i + 1];
      params[name] = /^\d+$/.test(value) && (name === 'n' || name.startsWith('by')) ? Number(value) : value;
    });
    return { key: template.key, params };
  }
  return undefined;
}
