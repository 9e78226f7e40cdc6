import { InputError } from './errors';

/** Deepest nesting of arrays and objects accepted in any JSON input (GeoJSON needs 7, employment 4). */
export const MAX_JSON_DEPTH = 100;

/**
 * What JSON.parse accepts silently but a planner would not: a repeated key (the last one wins, so a
 * region's value changes without a word), a number too large for a double (`1e309` → Infinity, or
 * null once stringified) and nesting so deep that every recursive walker after the parser overflows
 * its stack. One iterative pass over text that JSON.parse has already accepted (so it need not
 * re-check the syntax); it throws the first problem with its line and JSON path, counting the
 * repeated keys of the whole file.
 */
export function checkJsonStructure(text: string, fileName: string): void {
  // Per open container: object key set (null for arrays), the current key or index.
  const keys: (Set<string> | null)[] = [];
  const at: (string | number)[] = [];
  let duplicates = 0;
  let firstDuplicate: { offset: number; path: string; key: string } | undefined;
  const n = text.length;
  let i = 0;
  let expectKey = false;
  let backslash = 0;
  const fail = (offset: number, path: (string | number)[], problem: string): never => {
    throw new InputError({ file: fileName, ...lineAndColumn(text, offset), path: jsonPathText(path) }, problem);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i + 1;
      // The next backslash of the text, found once and reused: strings without escapes cost one indexOf.
      if (backslash !== -1 && backslash < start) backslash = text.indexOf('\\', start);
      let end = text.indexOf('"', start);
      const escaped = backslash !== -1 && backslash < end;
      if (escaped) {
        for (let j = start; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d === 0x5c) j++;
          else if (d === 0x22) {
            end = j;
            break;
          }
        }
      }
      if (end === -1) return; // not reached on text JSON.parse accepted
      if (expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(start, end);
        const seen = keys[keys.length - 1]!;
        if (seen.has(key)) {
          duplicates++;
          firstDuplicate ??= { offset: i, path: jsonPathText([...at.slice(0, -1), key]), key };
        } else seen.add(key);
        at[at.length - 1] = key;
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (keys.length >= MAX_JSON_DEPTH) fail(i, at, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
      const isObject = c === 0x7b;
      keys.push(isObject ? new Set() : null);
      at.push(isObject ? '' : 0);
      expectKey = isObject;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop();
      at.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = keys.length - 1;
      if (keys[top] === null) at[top] = (at[top] as number) + 1;
      else expectKey = true;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      let exponent = false;
      for (; end < n; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x65 || d === 0x45) exponent = true;
        else if (!((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2b || d === 0x2d)) break;
      }
      if ((exponent || end - i > 300) && !Number.isFinite(Number(text.slice(i, end)))) {
        fail(i, at, `the number ${text.slice(i, Math.min(end, i + 40))}${end - i > 40 ? '…' : ''} is too large (beyond ±1.8e308)`);
      }
      i = end;
      continue;
    }
    i++;
  }
  if (firstDuplicate) {
    const { line, lineColumn } = lineAndColumn(text, firstDuplicate.offset);
    const more = duplicates > 1 ? ` (${duplicates} repeated keys in the file)` : '';
    throw new InputError(
      { file: fileName, line, lineColumn, path: firstDuplicate.path },
      `the key ${JSON.stringify(firstDuplicate.key)} appears twice in the same object: JSON readers keep only the last value${more}`,
    );
  }
}

/** `"Moscow" → "Mining" → 2`: keys quoted, array indices bare; a long path keeps its ends. */
export function jsonPathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  const step = (p: string | number) => (typeof p === 'number' ? String(p) : JSON.stringify(p));
  if (path.length <= 10) return path.map(step).join(' → ');
  return [...path.slice(0, 5).map(step), `… (${path.length - 8} more) …`, ...path.slice(-3).map(step)].join(' → ');
}
export function lineAndColumn(text: string, offset: number): { line: number; lineColumn: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, lineColumn: offset - lineStart + 1 };
}

