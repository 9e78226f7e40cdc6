import { decodeText, type DecodedText, type TextEncoding } from '../../io/textDecoding';

/** The text of a picked or dropped file, decoded as src/io/textDecoding.ts does it for every door. */
export type FileText = DecodedText;

const STREAM_FROM = 4_000_000;

export async function readFileText(file: Blob, onProgress?: (fraction: number) => void, encoding?: TextEncoding, name = (file as File).name ?? 'file'): Promise<FileText> {
  return decodeText(await readFileBytes(file, onProgress), name, encoding);
}

/** The bytes of a file; a large one is read in chunks so that a 100 MB file reports progress. */
export async function readFileBytes(file: Blob, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  if (!onProgress || file.size < STREAM_FROM) return new Uint8Array(await file.arrayBuffer());
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, read);
    read += value.length;
    onProgress(read / file.size);
  }
  return read === bytes.length ? bytes : bytes.subarray(0, read);
}
