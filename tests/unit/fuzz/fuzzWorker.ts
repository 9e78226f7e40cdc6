/**
 * Runs one reader's fuzz property in a worker thread, so that the test can stop it from outside
 * if a run never ends (a spinning reader cannot be interrupted from its own thread). Before each
 * run it posts the input, so a hang is reported with the input that caused it.
 */
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { BROKEN_READERS, READERS } from './readers';

const { reader: index, runs, seed, broken, input: fixed } = workerData as { reader: number; runs: number; seed: number; broken?: boolean; input?: string | Uint8Array };
const reader = (broken ? BROKEN_READERS : READERS)[index];

/** Tokens that break parsers: structure, quotes, separators, line ends, huge numbers, NUL, BOM, zip magic. */
const TOKENS = ['{', '}', '[', ']', '"', "'", ',', ';', '\t', '\n', '\r', '\r\n', ':', '\\', '1e309', '-1', 'NaN', '\u0000', '\ufeff', '""', 'null', '[[]]', '{"a":1,"a":2}', '#', '&', '=', '%', 'PK\u0003\u0004', '[['.repeat(300)];

type Mutation = { kind: 'flip' | 'truncate' | 'duplicate' | 'delete' | 'insert'; at: number; length: number; bits: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'truncate', 'duplicate', 'delete', 'insert'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 64 }),
  bits: fc.integer({ min: 1, max: 255 }),
  token: fc.constantFrom(...TOKENS),
}) as fc.Arbitrary<Mutation>;

function mutateText(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'flip':
      return text.slice(0, at) + String.fromCharCode((text.charCodeAt(at) ^ m.bits) & 0xffff) + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
  }
}

function mutateBytes(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  const b = Array.from(bytes);
  switch (m.kind) {
    case 'flip':
      if (at < b.length) b[at] ^= m.bits;
      return Uint8Array.from(b);
    case 'truncate':
      return bytes.slice(0, at);
    case 'duplicate':
      return Uint8Array.from([...b.slice(0, at + m.length), ...b.slice(at, at + m.length), ...b.slice(at + m.length)]);
    case 'delete':
      return Uint8Array.from([...b.slice(0, at), ...b.slice(at + m.length)]);
    case 'insert':
      return Uint8Array.from([...b.slice(0, at), ...new TextEncoder().encode(m.token), ...b.slice(at)]);
  }
}

const mutated = fc.tuple(fc.constantFrom(...reader.seeds), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([seedInput, ms]) =>
  ms.reduce<string | Uint8Array>((input, m) => (typeof input === 'string' ? mutateText(input, m) : mutateBytes(input, m)), seedInput),
);
const random: fc.Arbitrary<string | Uint8Array> = reader.binary
  ? fc.oneof(fc.uint8Array({ maxLength: 2_000 }), fc.uint8Array({ maxLength: 2_000 }).map((b) => Uint8Array.from([0x50, 0x4b, 3, 4, ...b])))
  : fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), fc.json({ maxDepth: 6 }), fc.string({ maxLength: 200, unit: fc.constantFrom(...TOKENS, 'a', 'b', '1', '2.5', ' ') }));

const input = fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: random, weight: 1 });

function show(value: string | Uint8Array): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 3000 ? `${value.slice(0, 3000)}…` : value) : `bytes (base64) ${Buffer.from(value).toString('base64')}`;
}

if (fixed !== undefined) await readOnce(fixed);
else await fuzzRuns();

/** One given input (a regression case) under the same time bound: its outcome, a result or the InputError's message. */
async function readOnce(value: string | Uint8Array): Promise<void> {
  parentPort!.postMessage({ type: 'run', input: show(value) });
  try {
    await reader.read(value);
    parentPort!.postMessage({ type: 'done', outcome: 'a result' });
  } catch (e) {
    if ((e as Error)?.name === 'InputError') parentPort!.postMessage({ type: 'done', outcome: (e as Error).message });
    else parentPort!.postMessage({ type: 'failed', message: (e as Error)?.stack ?? String(e) });
  }
}

async function fuzzRuns(): Promise<void> {
  try {
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        parentPort!.postMessage({ type: 'run', input: show(value) });
        try {
          await reader.read(value);
        } catch (e) {
          if ((e as Error)?.name === 'InputError') return;
          throw e;
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    parentPort!.postMessage({ type: 'done' });
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    parentPort!.postMessage({ type: 'failed', message: `${(e as Error).message.slice(0, 4000)}\n${cause?.stack ?? String(cause)}` });
  }
}
