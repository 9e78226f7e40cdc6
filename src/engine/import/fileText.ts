/**
 * The text of a picked or dropped file. UTF-8 (a BOM is dropped) unless the bytes are not valid
 * UTF-8, which is what spreadsheets on Russian or Western Windows still write: then Windows-1251
 * when the high bytes look like Cyrillic letters, else Windows-1252, and a note says so.
 */
export interface FileText {
  text: string;
  encoding: 'utf-8' | 'windows-1251' | 'windows-1252';
}

const STREAM_FROM = 4_000_000;

export async function readFileText(file: Blob, onProgress?: (fraction: number) => void): Promise<FileText> {
  try {
    return { text: await decode(file, 'utf-8', onProgress), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  const encoding = looksCyrillic(head) ? 'windows-1251' : 'windows-1252';
  return { text: await decode(file, encoding, onProgress), encoding };
}

async function decode(file: Blob, encoding: string, onProgress?: (fraction: number) => void): Promise<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  if (!onProgress || file.size < STREAM_FROM) return decoder.decode(await file.arrayBuffer());
  // Read in chunks so a 100 MB file reports progress while it is read.
  const reader = file.stream().getReader();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress(read / file.size);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * In Windows-1251 the Cyrillic letters are 0xC0–0xFF and come in runs (whole words); in
 * Windows-1252 those bytes are accented letters, mostly alone between ASCII letters.
 */
function looksCyrillic(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] >= 0xc0) {
      high++;
      run++;
      continue;
    }
    if (run >= 3) inRuns += run;
    run = 0;
  }
  return high > 0 && inRuns > high / 2;
}
