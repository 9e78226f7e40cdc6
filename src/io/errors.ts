/**
 * An input problem the user can act on: it always says which file, and where inside it
 * (line for delimited text, feature index for GeoJSON), and what is wrong.
 */
export interface InputLocation {
  file: string;
  /** 1-based line in the source text. */
  line?: number;
  /** 0-based feature index in a FeatureCollection. */
  feature?: number;
  column?: string;
  /** Where in a JSON document, e.g. `"Moscow" → "Mining" → "emp"`. */
  path?: string;
  /** 1-based character position within `line` (JSON syntax errors). */
  lineColumn?: number;
}

export class InputError extends Error {
  readonly location: InputLocation;
  readonly problem: string;

  constructor(location: InputLocation, problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
    this.name = 'InputError';
    this.location = location;
    this.problem = problem;
  }
}

export function formatLocation({ file, line, feature, column, lineColumn, path }: InputLocation): string {
  let where = file;
  if (line !== undefined) where += `, line ${line}`;
  if (lineColumn !== undefined) where += `:${lineColumn}`;
  if (feature !== undefined) where += `, feature ${feature}`;
  if (column !== undefined) where += `, column "${column}"`;
  if (path !== undefined) where += ` at ${path}`;
  return where;
}

/** Wrong or missing command-line options: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
