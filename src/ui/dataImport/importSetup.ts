import type { FileRole, FileSummary, ImportChoices, TableChoice } from '../../engine/import/importTypes';
import { guessEmployment, guessTableChoice, wideColumns as guessedWideColumns } from '../../engine/import/importChoices';

/**
 * What the user has set up so far: a role per file (detected, then changeable) and the choices of
 * the mapping step, started from what the reader guessed. Pure: the dialog renders it, the tests
 * check it.
 */
export interface ImportSetup {
  roles: Record<string, FileRole>;
  choices?: ImportChoices;
}

export const SINGLE_ROLES: readonly FileRole[] = ['boundaries', 'employment', 'categories', 'industries'];

/** The file of each role: the first one given it. */
export function fileOfRole(summaries: readonly FileSummary[], roles: Record<string, FileRole>, role: FileRole): FileSummary | undefined {
  return summaries.find((s) => !s.error && (roles[s.key] ?? s.role) === role);
}

/**
 * Roles after files arrived: known files keep the user's choice, new ones take the detected role,
 * and of several files in a single-use role (two boundary files) the last one added keeps it.
 */
export function mergeRoles(summaries: readonly FileSummary[], previous: Record<string, FileRole>): Record<string, FileRole> {
  const roles: Record<string, FileRole> = {};
  for (const s of summaries) roles[s.key] = s.error ? 'ignore' : (previous[s.key] ?? s.role);
  for (const role of SINGLE_ROLES) {
    const holders = summaries.filter((s) => roles[s.key] === role);
    for (const s of holders.slice(0, -1)) roles[s.key] = 'ignore';
  }
  return roles;
}

/** The user gives a file a role; the file that had it (when only one may) is set aside. */
export function assignRole(roles: Record<string, FileRole>, key: string, role: FileRole): Record<string, FileRole> {
  const next = { ...roles };
  if (SINGLE_ROLES.includes(role)) for (const k of Object.keys(next)) if (next[k] === role) next[k] = 'ignore';
  next[key] = role;
  return next;
}

/** The reader's guesses as a column choice (the same guess the packer and the CLI take). */
export function defaultTableChoice(summary: FileSummary): TableChoice | undefined {
  return summary.table ? guessTableChoice(summary.table) : undefined;
}

/** A wide table's value columns for a region and year column the user picked. */
export function wideColumns(summary: FileSummary, region: string, year?: string): string[] {
  return summary.table ? guessedWideColumns(summary.table, region, year) : [];
}

/** Choices for the files as they are now; undefined until there are boundaries and employment. */
export function defaultChoices(summaries: readonly FileSummary[], roles: Record<string, FileRole>, previous: ImportChoices | undefined, manual: [string, string][]): ImportChoices | undefined {
  const boundaries = fileOfRole(summaries, roles, 'boundaries');
  const employment = fileOfRole(summaries, roles, 'employment');
  if (!boundaries || !employment) return undefined;
  const keepBoundaries = previous?.boundaries.key === boundaries.key;
  const keepEmployment = previous?.employment.key === employment.key;
  const categories = fileOfRole(summaries, roles, 'categories');
  const industries = fileOfRole(summaries, roles, 'industries');
  return {
    boundaries: keepBoundaries ? previous!.boundaries : { key: boundaries.key, nameProperty: boundaries.boundaries?.nameProperty },
    employment: keepEmployment ? previous!.employment : guessEmployment(employment),
    ...(categories ? { categories: { key: categories.key } } : {}),
    ...(industries ? { industries: { key: industries.key } } : {}),
    join: { by: previous?.join.by ?? 'auto', aliases: previous?.join.aliases ?? true, manual },
  };
}

/** Why the Load button cannot be pressed yet (message keys), empty when it can. */
export function missingForLoad(summaries: readonly FileSummary[], roles: Record<string, FileRole>): ('import.need.boundaries' | 'import.need.employment')[] {
  const missing: ('import.need.boundaries' | 'import.need.employment')[] = [];
  if (!fileOfRole(summaries, roles, 'boundaries')) missing.push('import.need.boundaries');
  if (!fileOfRole(summaries, roles, 'employment')) missing.push('import.need.employment');
  return missing;
}
