import { el } from '../dom';
import { t } from '../../i18n/i18n';
import type { ImportProblem } from '../../engine/import/importTypes';

export interface Option {
  value: string;
  label: string;
}

let nextId = 0;
/** Ids for label/control pairs; stable per page is enough. */
export const uid = (base: string) => `${base}-${++nextId}`;

/** A labelled native select. */
export function selectField(name: string, label: string, options: Option[], value: string | undefined, onChange: (value: string) => void): HTMLElement {
  const id = uid(`import-${name}`);
  const select = el('select', { id, name, 'data-import': name }, ...options.map((o) => el('option', { value: o.value }, o.label)));
  select.value = value ?? '';
  select.addEventListener('change', () => onChange(select.value));
  return el('div', { class: 'field' }, el('label', { for: id }, label), select);
}

/** A labelled number input; empty means "not given". */
export function numberField(name: string, label: string, value: number | undefined, onChange: (value: number | undefined) => void, hint?: string): HTMLElement {
  const id = uid(`import-${name}`);
  const hintId = `${id}-hint`;
  const input = el('input', { id, name, type: 'number', step: '1', inputmode: 'numeric', 'data-import': name, ...(hint ? { 'aria-describedby': hintId } : {}) });
  input.value = value === undefined ? '' : String(value);
  input.addEventListener('change', () => onChange(input.value.trim() === '' ? undefined : Number(input.value)));
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('small', { id: hintId }, hint) : null);
}

export function textField(name: string, label: string, value: string | undefined, onChange: (value: string) => void, hint?: string): HTMLElement {
  const id = uid(`import-${name}`);
  const hintId = `${id}-hint`;
  const input = el('input', { id, name, type: 'text', autocomplete: 'off', 'data-import': name, ...(hint ? { 'aria-describedby': hintId } : {}) });
  input.value = value ?? '';
  input.addEventListener('change', () => onChange(input.value.trim()));
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('small', { id: hintId }, hint) : null);
}

export function checkboxField(name: string, label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const id = uid(`import-${name}`);
  const input = el('input', { id, name, type: 'checkbox', 'data-import': name });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el('div', { class: 'field field-inline' }, input, el('label', { for: id }, label));
}

/** A group of checkboxes (value columns of a wide table). */
export function checkboxGroup(name: string, legend: string, values: string[], checked: readonly string[], onChange: (checked: string[]) => void): HTMLElement {
  const set = new Set(checked);
  const boxes = values.map((value) => {
    const id = uid(`import-${name}`);
    const input = el('input', { id, type: 'checkbox', value, 'data-import': name });
    input.checked = set.has(value);
    input.addEventListener('change', () => {
      if (input.checked) set.add(value);
      else set.delete(value);
      onChange(values.filter((v) => set.has(v)));
    });
    return el('span', { class: 'check' }, input, el('label', { for: id }, value));
  });
  return el('fieldset', { class: 'import-columns' }, el('legend', {}, legend), ...boxes);
}

/** A small table of text (previews, lists); every cell is text, never markup. */
export function textTable(caption: string, header: string[], rows: string[][], attributes: Record<string, string> = {}): HTMLElement {
  return el(
    'div',
    // Focusable, so a wide preview can be scrolled from the keyboard; named by its caption.
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      { class: 'import-table', ...attributes },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell))))),
    ),
  );
}

/** Where a problem is, in the interface's language: "line 5:12", "feature 3", "column “emp”". */
export function whereText(problem: ImportProblem): string {
  const l = problem.location;
  if (!l) return '';
  const parts: string[] = [];
  if (l.line !== undefined) parts.push(l.lineColumn !== undefined ? t('import.where.lineColumn', { line: l.line, column: l.lineColumn }) : t('import.where.line', { line: l.line }));
  if (l.feature !== undefined) parts.push(t('import.where.feature', { feature: l.feature }));
  if (l.column !== undefined) parts.push(t('import.where.column', { column: l.column }));
  if (l.path !== undefined) parts.push(t('import.where.path', { path: l.path }));
  return parts.join(', ');
}

/** An input problem as the user sees it: the file, the place in it, and what is wrong, each marked for tests. */
export function problemBox(problem: ImportProblem, title: string): HTMLElement {
  const where = whereText(problem);
  return el(
    'div',
    { class: 'import-error', role: 'alert' },
    el('p', { class: 'import-error-title' }, title),
    el(
      'dl',
      {},
      problem.location ? el('dt', {}, t('import.error.file')) : null,
      problem.location ? el('dd', { 'data-field': 'file' }, problem.location.file) : null,
      where ? el('dt', {}, t('import.error.where')) : null,
      where ? el('dd', { 'data-field': 'where' }, where) : null,
      el('dt', {}, t('import.error.problem')),
      el('dd', { 'data-field': 'problem' }, problem.problem),
    ),
  );
}
