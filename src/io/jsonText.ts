import { InputError } from './errors';
import { checkJsonStructure, lineAndColumn } from './jsonStructure';

export { lineAndColumn };

/**
 * JSON.parse with an error that names the line and character. Engines word (and sometimes omit)
 * the position differently, so on failure the text is re-scanned by a small validator of our own;
 * the fast native parser still does the work on valid input. Valid JSON is then checked for what
 * the parser lets through silently (repeated keys, numbers beyond a double, runaway nesting).
 */
export function parseJsonText(text: string, fileName: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError({ file: fileName }, 'the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { offset, problem } = locateJsonError(text);
    const { line, lineColumn } = lineAndColumn(text, offset);
    const hint = /^\s*[^\s[{"]/.test(text) ? ' (this does not look like a JSON file)' : '';
    throw new InputError({ file: fileName, line, lineColumn }, `invalid JSON: ${problem}${hint}`);
  }
  checkJsonStructure(text, fileName);
  return value;
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** Offset and description of the first syntax error in `text` (which JSON.parse rejected). */
export function locateJsonError(text: string): { offset: number; problem: string } {
  let i = 0;
  const fail = (problem: string): never => {
    throw new JsonSyntax(i, problem);
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`unexpected ${describe()} (expected ${word})`);
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('control character or line break inside a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail(`bad escape \\${text[i] ?? ''}`);
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail(`unexpected ${describe()}`);
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 2_000) fail('nested too deeply');
    space();
    const ch = text[i];
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected ":" after a property name, found ${describe()}`);
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected "," or "}" after a property value, found ${describe()}`);
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected "," or "]" after an array element, found ${describe()}`);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch >= '0' && ch <= '9')) return number();
    fail(`unexpected ${describe()}`);
  };
  try {
    value(0);
    space();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, problem: e.problem };
    throw e;
  }
  // Valid by this scanner but rejected by the engine: report the engine's view without a place.
  return { offset: 0, problem: 'rejected by the JSON parser' };
}
