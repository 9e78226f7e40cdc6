import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BROKEN_READERS, READERS } from './readers';
import { dbf, polygonShp, square, utf8, zip } from '../io/helpers/shapefileFiles';

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

/** `input`: one regression case read once, under the same bound; `outcome` is then "a result" or the InputError's message. */
function fuzz(reader: number, broken = false, input?: string | Uint8Array): Promise<{ ok: boolean; detail: string; runs: number; outcome?: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./fuzzWorker.mjs', import.meta.url), { workerData: { reader, runs: RUNS, seed: SEED + reader, broken, input } });
    let last = '';
    let started = Date.now();
    let runs = 0;
    let outcome: string | undefined;
    const finish = (ok: boolean, detail: string) => {
      clearInterval(watch);
      void worker.terminate();
      resolve({ ok, detail, runs, outcome });
    };
    const watch = setInterval(() => {
      if (runs > 0 && Date.now() - started > RUN_LIMIT_MS) finish(false, `a run took more than ${RUN_LIMIT_MS} ms (a hang) on input ${last}`);
    }, 100);
    worker.on('message', (m: { type: string; input?: string; message?: string; outcome?: string }) => {
      if (m.type === 'run') {
        last = m.input!;
        started = Date.now();
        runs++;
      } else if (m.type === 'done') {
        outcome = m.outcome;
        finish(true, '');
      }
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

describe('hostile inputs that once could hang a reader end within the bound', () => {
  const shapefile = READERS.findIndex((r) => r.name === 'shapefile zip');
  /** Small squares apart on a grid of longitude/latitude; every second one turned into a hole when `holes`. */
  const grid = (n: number, holes: boolean) =>
    Array.from({ length: n }, (_, i) => {
      const x = (i % 1000) * 0.3 - 150;
      const y = Math.floor(i / 1000) * 0.3;
      const ring = square(x, y, x + 0.1, y + 0.1);
      return holes && i % 2 === 1 ? [...ring].reverse() : ring;
    });

  it('a polygon record of 50,000 rings (half holes, nested by testing every pair) ends in the located error naming the shape and its parts', async () => {
    const rings = grid(50_000, true);
    const input = zip([{ name: 'r.shp', data: polygonShp([rings]) }, { name: 'r.dbf', data: dbf(['code'], [['A']], utf8) }]);
    const { ok, detail, outcome } = await fuzz(shapefile, false, input);
    expect(detail).toBe('');
    expect(ok).toBe(true);
    expect(outcome).toBe(
      'f.zip → r.shp, feature 0: shape 1 has 50,000 parts (25,000 outer rings, 25,000 holes): matching holes to outer rings would test 625,000,000 pairs, more than the 25,000,000 this reader takes; split the shape into several records (e.g. ogr2ogr -explodecollections) or simplify it',
    );
  });

  it('a record of 50,000 islands and no holes is read (its nesting costs nothing)', async () => {
    const rings = grid(50_000, false);
    const input = zip([{ name: 'r.shp', data: polygonShp([rings]) }, { name: 'r.dbf', data: dbf(['code'], [['A']], utf8) }]);
    const { ok, detail, outcome } = await fuzz(shapefile, false, input);
    expect(detail).toBe('');
    expect(ok).toBe(true);
    expect(outcome).toBe('a result');
  });

  it('a record declaring more parts than its bytes hold is a located error', async () => {
    const shp = Buffer.from(polygonShp([[square(0, 0, 1, 1)]]));
    shp.writeInt32LE(2_000_000_000, 100 + 8 + 36);
    const input = zip([{ name: 'r.shp', data: shp }, { name: 'r.dbf', data: dbf(['code'], [['A']], utf8) }]);
    const { outcome } = await fuzz(shapefile, false, input);
    expect(outcome).toBe('f.zip → r.shp, feature 0: shape 1 declares 2,000,000,000 parts and 5 points, more than its 128 bytes hold');
  });
});
