import type { FileSummary, ImportChoices, ImportProblem, ImportRequest, ImportResponse, ImportResult, ReadOptions } from '../../engine/import/importTypes';
import { unpackMessage } from '../transfer';
import type { WithoutId } from '../protocol';

export type ImportProgress = (stage: string, fraction: number, file?: string) => void;

/** A failed import step, with the located problem to show. */
export class ImportFailure extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
    this.name = 'ImportFailure';
  }
}

/** Raised for the request that was running when the user pressed Cancel. */
export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ImportCancelled';
  }
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: ImportProgress };

/**
 * The page's handle on the import worker. The worker is started on first use; `cancel()` ends it
 * (and whatever it was parsing) at once, and the next request starts a fresh one, re-reading the files.
 */
export class ImportClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `options`: how to read each file (by file name), as chosen in the mapping step. */
  inspect(files: File[], onProgress?: ImportProgress, options?: Record<string, ReadOptions>): Promise<FileSummary[]> {
    return this.request({ type: 'inspect', files, options }, onProgress);
  }

  build(files: File[], choices: ImportChoices, onProgress?: ImportProgress, options?: Record<string, ReadOptions>): Promise<ImportResult> {
    return this.request({ type: 'build', files, choices, options }, onProgress);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new ImportCancelled());
    this.pending.clear();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ImportResponse>) => this.receive(received(event.data));
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new ImportFailure({ problem: `the import worker failed: ${event.message || 'out of memory?'}`, message: `the import worker failed: ${event.message || 'out of memory?'}` });
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
    };
    return worker;
  }

  private request<T>(message: WithoutId<ImportRequest>, onProgress?: ImportProgress): Promise<T> {
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
      this.worker!.postMessage({ ...message, id } as ImportRequest);
    });
  }

  private receive(message: ImportResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.stage, message.fraction, message.file);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'error') pending.reject(new ImportFailure(message.problem));
    else if (message.type === 'inspected') pending.resolve(message.summaries as never);
    else pending.resolve(message.result as never);
  }
}

/**
 * A message from the import worker as the page uses it. A built dataset's cube stays packed: the
 * page only hands it on to the compute worker, which unpacks it there, so its categories are
 * rebuilt once on the main thread (the dataset's), not twice.
 */
function received(message: ImportResponse): ImportResponse {
  if (message.type !== 'built') return unpackMessage(message);
  const { cube, ...rest } = message.result;
  return { ...message, result: { ...unpackMessage(rest), cube } };
}
