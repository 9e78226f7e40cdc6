import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BROKEN_READERS, READERS } from './readers';

/**
 * Every reader of user input, on random and mutated inputs (real fixtures with bytes flipped,
 * cut, duplicated, deleted or hostile tokens inserted), ends in a result or a located InputError:
 * never another exception, never a hang. Each reader runs in a worker thread so that a run that
 * does not end within RUN_LIMIT_MS is stopped and reported with its input. Seeded: a failure
 * replays with the same seed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUN_LIMIT_MS = 3_000;

function fuzz(reader: number, broken = false): Promise<{ ok: boolean; detail: string; runs: number }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./fuzzWorker.mjs', import.meta.url), { workerData: { reader, runs: RUNS, seed: SEED + reader, broken } });
    let last = '';
    let started = Date.now();
    let runs = 0;
    const finish = (ok: boolean, detail: string) => {
      clearInterval(watch);
      void worker.terminate();
      resolve({ ok, detail, runs });
    };
    const watch = setInterval(() => {
      if (runs > 0 && Date.now() - started > RUN_LIMIT_MS) finish(false, `a run took more than ${RUN_LIMIT_MS} ms (a hang) on input ${last}`);
    }, 100);
    worker.on('message', (m: { type: string; input?: string; message?: string }) => {
      if (m.type === 'run') {
        last = m.input!;
        started = Date.now();
        runs++;
      } else if (m.type === 'done') finish(true, '');
      else finish(false, m.message!);
    });
    worker.on('error', (e) => finish(false, `the worker failed: ${e.message}`));
  });
}

describe('fuzzing every reader', () => {
  it.each(READERS.map((r, i) => [r.name, i] as const))('%s ends in a result or a located InputError on random and mutated inputs', async (_, index) => {
    const { ok, detail, runs } = await fuzz(index);
    expect(detail).toBe('');
    expect(ok).toBe(true);
    // fast-check's runs plus its shrinking would exceed RUNS only on failure.
    expect(runs).toBeGreaterThanOrEqual(RUNS);
  });

  it('the harness reports a reader that throws something else than an InputError, with the input', async () => {
    const { ok, detail } = await fuzz(BROKEN_READERS.findIndex((r) => r.name.startsWith('throws')), true);
    expect(ok).toBe(false);
    expect(detail).toMatch(/Counterexample: \[".*,.*"\][\s\S]*TypeError: comma/);
  });

  it('the harness stops a reader that never ends and names the input', async () => {
    const { ok, detail } = await fuzz(BROKEN_READERS.findIndex((r) => r.name.startsWith('spins')), true);
    expect(ok).toBe(false);
    expect(detail).toMatch(/^a run took more than 3000 ms \(a hang\) on input ".*\\n.*"$/s);
  });
});
