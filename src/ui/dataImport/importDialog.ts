import { formatFileSize, wordNote } from '../noteText';
import { el } from '../dom';
import { getLang, t, type MessageKey } from '../../i18n/i18n';
import type { Formats } from '../format';
import { ImportCancelled, ImportFailure, type ImportClient } from '../../worker/import/importClient';
import { FILE_ROLES, type FileRole, type FileSummary, type ImportProblem, type ImportResult, type ReadOptions } from '../../engine/import/importTypes';
import { assignRole, defaultChoices, mergeRoles, missingForLoad, type ImportSetup } from './importSetup';
import { encodingField, mappingForm } from './mappingForm';
import { shapefileFields } from './shapefileFields';
import { readFileText } from '../../engine/import/fileText';
import { joinReportView } from './joinReportView';
import { problemBox, selectField } from './formParts';
import type { ManualFixes } from './manualFixes';

export interface ImportDialogDeps {
  client: ImportClient;
  fixes: ManualFixes;
  formats: () => Formats;
  /** Puts a built dataset on the map; rejects when that fails (the previous dataset stays). */
  show(result: ImportResult): Promise<void>;
}

const KINDS: Record<string, MessageKey> = {
  geojson: 'import.kind.geojson',
  topojson: 'import.kind.topojson',
  'shapefile-zip': 'import.kind.shapefile',
  xlsx: 'import.kind.xlsx',
  'eurostat-tsv': 'import.kind.eurostat',
  'sdmx-csv': 'import.kind.sdmx',
  'json-stat': 'import.kind.jsonStat',
  'nested-json': 'import.kind.json',
  delimited: 'import.kind.delimited',
};

/**
 * "Open your data": pick or drop files → each is read in the import worker (progress, cancel) and
 * summarised → roles and column mapping, with previews → Load builds the dataset in the worker →
 * it goes on the map, and the join report stays here with its manual fixes. Any error names the
 * file, the place and the problem; the map keeps the last good dataset.
 */
export class ImportDialog {
  readonly element: HTMLDialogElement;
  private files: File[] = [];
  private summaries: FileSummary[] = [];
  private setup: ImportSetup = { roles: {} };
  private result: ImportResult | undefined;
  private problem: { title: string; problem: ImportProblem } | undefined;
  private message = '';
  private readonly input: HTMLInputElement;
  private readonly body = el('div', { class: 'import-body' });
  private readonly progress = el('progress', { max: '1', value: '0', 'aria-label': t('import.progress') });
  private readonly progressText = el('span', { class: 'import-progress-text' });
  private readonly progressBox: HTMLElement;
  private readonly importedNameFiles = new Set<string>();
  /** How each file is read (encoding, sheet), by file name, as chosen in the mapping step. */
  private readOptions: Record<string, ReadOptions> = {};
  /**
   * The Load and Show-map buttons live across re-renders: a text field commits on `change`, which
   * fires on blur — i.e. on the mousedown of a click on Load. Were Load rebuilt by that re-render,
   * the mouseup would land on a new button and the click would be lost.
   */
  private readonly loadButton = el('button', { type: 'button', class: 'primary', 'data-action': 'load-import' });
  private readonly doneButton = el('button', { type: 'button', 'data-action': 'show-map' });
  private readonly actions = el('div', { class: 'import-actions' });

  constructor(private readonly deps: ImportDialogDeps) {
    this.input = el('input', { id: 'import-files', type: 'file', multiple: '', accept: '.geojson,.json,.topojson,.zip,.csv,.tsv,.txt,.xlsx,.xlsm', class: 'visually-hidden-file' });
    this.input.addEventListener('change', () => {
      const picked = [...(this.input.files ?? [])];
      this.input.value = '';
      void this.addFiles(picked);
    });
    const cancel = el('button', { type: 'button', 'data-action': 'cancel-import' }, t('import.cancel'));
    cancel.addEventListener('click', () => this.deps.client.cancel());
    this.progressBox = el('div', { class: 'import-progress', role: 'status', 'aria-live': 'polite', hidden: '' }, this.progress, this.progressText, cancel);
    const close = el('button', { type: 'button', class: 'dialog-close', 'data-action': 'close-import', 'aria-label': t('import.close') }, '×');
    close.addEventListener('click', () => this.close());
    this.element = el(
      'dialog',
      { id: 'import-dialog', class: 'import-dialog', 'aria-labelledby': 'import-title' },
      el('div', { class: 'dialog-head' }, el('h2', { id: 'import-title' }, t('import.title')), close),
      this.body,
      this.progressBox,
    );
    document.body.append(this.element);
    this.loadButton.addEventListener('click', () => void this.load());
    this.doneButton.addEventListener('click', () => this.close());
    this.render();
  }

  open(): void {
    if (!this.element.open) this.element.showModal();
  }

  close(): void {
    this.element.close();
  }

  /** Re-renders in the current language. */
  relabel(): void {
    this.element.querySelector('#import-title')!.textContent = t('import.title');
    this.element.querySelector('[data-action="close-import"]')!.setAttribute('aria-label', t('import.close'));
    this.element.querySelector('[data-action="cancel-import"]')!.textContent = t('import.cancel');
    this.progress.setAttribute('aria-label', t('import.progress'));
    this.render();
  }

  /** Files picked, or dropped anywhere on the page: added (a file of the same name replaces the old one) and read. */
  async addFiles(added: File[]): Promise<void> {
    if (added.length === 0) return;
    this.open();
    const previous = this.files;
    const names = new Set(added.map((f) => f.name));
    this.files = [...previous.filter((f) => !names.has(f.name)), ...added];
    this.problem = undefined;
    this.message = '';
    try {
      const summaries = await this.run(() => this.deps.client.inspect(this.files, this.onProgress, this.readOptions));
      this.summaries = summaries;
      this.setup.roles = mergeRoles(summaries, this.setup.roles);
      await this.readNameFiles();
      this.resetChoices();
    } catch (error) {
      if (error instanceof ImportCancelled) {
        this.files = previous;
        this.message = t('import.cancelled');
      } else this.fail('import.error.read', error);
    }
    this.render();
  }

  /** The file read again with other options (encoding, sheet); its columns may differ, so its mapping starts afresh. */
  private async reread(file: string, options: ReadOptions): Promise<void> {
    const previous = this.readOptions;
    this.readOptions = { ...previous, [file]: options };
    this.problem = undefined;
    try {
      this.summaries = await this.run(() => this.deps.client.inspect(this.files, this.onProgress, this.readOptions));
      const choices = this.setup.choices;
      if (choices && this.summaryOf(choices.employment.key)?.name === file) this.setup.choices = { ...choices, employment: { ...choices.employment, key: '' } };
      this.resetChoices();
    } catch (error) {
      this.readOptions = previous;
      if (error instanceof ImportCancelled) this.message = t('import.cancelled');
      else this.fail('import.error.read', error);
    }
    this.render();
  }

  private get summaryOf() {
    return (key: string) => this.summaries.find((s) => s.key === key);
  }

  private resetChoices(): void {
    this.setup.choices = defaultChoices(this.summaries, this.setup.roles, this.setup.choices, this.deps.fixes.entries());
  }

  /** Mapping files among the inputs go into the session's manual fixes. */
  private async readNameFiles(): Promise<void> {
    for (const s of this.summaries) {
      if (this.setup.roles[s.key] !== 'names' || this.importedNameFiles.has(s.key)) continue;
      const file = this.files.find((f) => f.name === s.name);
      if (!file) continue;
      // Decoded as every other input is (a fixes file saved by Excel is often Windows-1251).
      this.deps.fixes.importCsv((await readFileText(file, undefined, this.readOptions[file.name]?.encoding)).text, file.name);
      this.importedNameFiles.add(s.key);
    }
  }

  private readonly onProgress = (stage: string, fraction: number, file?: string) => {
    this.progress.value = Math.max(0, Math.min(1, fraction));
    const label = t(`import.stage.${stage}` as MessageKey);
    this.progressText.textContent = `${file ? `${file}: ` : ''}${label} ${Math.round(fraction * 100)}%`;
  };

  /** Runs one worker request with the progress bar and Cancel shown. */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    this.progressBox.hidden = false;
    this.progress.value = 0;
    this.progressText.textContent = t('import.stage.read');
    this.body.setAttribute('aria-busy', 'true');
    this.body.inert = true;
    try {
      return await work();
    } finally {
      this.progressBox.hidden = true;
      this.body.removeAttribute('aria-busy');
      this.body.inert = false;
    }
  }

  private fail(title: MessageKey, error: unknown): void {
    const problem: ImportProblem = error instanceof ImportFailure ? error.problem : { problem: (error as Error).message ?? String(error), message: String(error) };
    this.problem = { title: t(title), problem };
  }

  /** Builds the dataset from the files and choices, and shows it. */
  async load(): Promise<void> {
    const choices = this.setup.choices;
    if (!choices) return;
    this.problem = undefined;
    this.message = '';
    this.render();
    let result: ImportResult;
    try {
      await this.readNameFiles();
      const withFixes = { ...choices, join: { ...choices.join, manual: this.deps.fixes.entries() } };
      result = await this.run(() => this.deps.client.build(this.files, withFixes, this.onProgress, this.readOptions));
    } catch (error) {
      if (error instanceof ImportCancelled) this.message = t('import.cancelled');
      else this.fail('import.error.build', error);
      this.render();
      return;
    }
    this.result = result;
    if (result.join.counts.matched === 0) {
      this.problem = { title: t('import.error.build'), problem: { problem: t('import.error.noMatch'), message: t('import.error.noMatch') } };
      this.render();
      return;
    }
    try {
      this.progressText.textContent = t('import.stage.adopt');
      await this.run(() => this.deps.show(result));
      this.message = t('import.loaded', { n: result.join.counts.matched, count: result.join.counts.matched });
    } catch (error) {
      this.fail('import.error.show', error);
    }
    this.render();
  }

  /**
   * Removing a focused field fires its `change` (on blur) in the middle of a render, and that
   * change asks for another render: it is run once this one has finished, never inside it.
   */
  private rendering = false;
  private renderAgain = false;

  private render(): void {
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = true;
    try {
      this.renderNow();
    } finally {
      this.rendering = false;
    }
    if (this.renderAgain) {
      this.renderAgain = false;
      this.render();
    }
  }

  private renderNow(): void {
    const focused = document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement) ? focusKey(document.activeElement) : undefined;
    const pick = el('label', { for: 'import-files', class: 'button-like' }, t('import.choose'));
    const keep = (parts: (HTMLElement | null)[]) => parts.filter((p): p is HTMLElement => p !== null);
    const top = keep([
      el('p', { class: 'import-intro' }, t('import.intro')),
      el('div', { class: 'import-picker' }, this.input, pick, el('span', {}, t('import.orDrop'))),
      this.fileList(),
      this.setup.choices ? mappingForm(this.setup.choices, this.summaryOf, (change) => this.change(change), (file, options) => void this.reread(file, options)) : null,
    ]);
    this.loadRow();
    const bottom = keep([
      this.message ? el('p', { class: 'import-message', role: 'status' }, this.message) : null,
      this.problem ? problemBox(this.problem.problem, this.problem.title) : null,
      this.result ? joinReportView(this.result, this.deps.fixes, this.deps.formats(), { refix: () => void this.load() }) : null,
    ]);
    // Everything around the action row is replaced; the row itself stays in the document.
    if (this.actions.parentElement !== this.body) this.body.append(this.actions);
    for (const child of [...this.body.children]) if (child !== this.actions && child.parentElement === this.body) child.remove();
    this.actions.before(...top);
    this.actions.after(...bottom);
    if (focused) this.body.querySelector<HTMLElement>(focused)?.focus();
  }

  private change(change: (choices: NonNullable<ImportSetup['choices']>) => NonNullable<ImportSetup['choices']>): void {
    if (!this.setup.choices) return;
    this.setup.choices = change(this.setup.choices);
    this.render();
  }

  private fileList(): HTMLElement | null {
    if (this.files.length === 0) return null;
    const rows = this.files.map((file) => {
      const s = this.summaries.find((x) => x.name === file.name && x.size === file.size);
      const role = s ? (this.setup.roles[s.key] ?? s.role) : 'ignore';
      const remove = el('button', { type: 'button', 'data-action': 'remove-file', 'aria-label': t('import.remove', { file: file.name }) }, '×');
      remove.addEventListener('click', () => this.removeFile(file));
      const roleSelect =
        s && !s.error
          ? selectField('role', t('import.role'), FILE_ROLES.map((r) => ({ value: r, label: t(`import.role.${r}`) })), role, (v) => this.setRole(s.key, v as FileRole))
          : null;
      roleSelect?.querySelector('select')?.setAttribute('data-file', file.name);
      return el(
        'li',
        { 'data-file': file.name, class: s?.error ? 'has-error' : '' },
        el('div', { class: 'import-file-head' }, el('strong', {}, file.name), ` · ${formatFileSize(file.size, getLang())}`, s?.kind ? ` · ${t(KINDS[s.kind])}` : '', remove),
        roleSelect,
        s ? encodingField(s, (name, options) => void this.reread(name, options)) : null,
        s ? shapefileFields(s, (name, options) => void this.reread(name, options)) : null,
        s?.error ? problemBox(s.error, t('import.error.read')) : null,
        ...(s?.notes ?? []).map((note) => el('p', { class: 'import-note' }, wordNote(note))),
      );
    });
    return el('ul', { class: 'import-files' }, ...rows);
  }

  private loadRow(): void {
    const missing = missingForLoad(this.summaries, this.setup.roles);
    this.loadButton.textContent = t('import.load');
    this.loadButton.disabled = missing.length > 0 || !this.setup.choices;
    this.doneButton.textContent = t('import.showMap');
    const parts: HTMLElement[] = [this.loadButton, ...(this.result ? [this.doneButton] : []), ...missing.map((key) => el('span', { class: 'import-missing' }, t(key)))];
    // Only what changed is replaced, so the buttons never leave the document between a mousedown and its mouseup.
    const current = [...this.actions.children];
    if (current.length !== parts.length || current.some((node, i) => node !== parts[i] && !node.isEqualNode(parts[i]))) this.actions.replaceChildren(...parts);
  }

  private setRole(key: string, role: FileRole): void {
    this.setup.roles = assignRole(this.setup.roles, key, role);
    void this.readNameFiles().then(
      () => {
        this.resetChoices();
        this.render();
      },
      (error) => {
        this.fail('import.error.read', error);
        this.render();
      },
    );
  }

  private removeFile(file: File): void {
    this.files = this.files.filter((f) => f !== file);
    this.summaries = this.summaries.filter((s) => s.name !== file.name || s.size !== file.size);
    this.resetChoices();
    this.render();
  }
}

/** A selector finding "the same" control after a re-render. */
function focusKey(element: HTMLElement): string | undefined {
  for (const attribute of ['data-import', 'data-action']) {
    const value = element.getAttribute(attribute);
    if (value === null) continue;
    const qualifiers = ['data-region', 'data-file']
      .map((name) => [name, element.getAttribute(name)] as const)
      .filter(([, v]) => v !== null)
      .map(([name, v]) => `[${name}="${CSS.escape(v!)}"]`)
      .join('');
    return `[${attribute}="${CSS.escape(value)}"]${qualifiers}`;
  }
  return undefined;
}

