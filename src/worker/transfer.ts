/** Every typed-array buffer reachable in a message, so postMessage moves it instead of copying. */
export function collectTransferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTransferables(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectTransferables(item, found);
  }
  return [...found];
}
