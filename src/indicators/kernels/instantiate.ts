/**
 * One of the indicator table's WebAssembly modules (passes.wat, select.wat), compiled synchronously
 * from its base64 bytes: the modules are a few kilobytes, under every browser's limit for compiling
 * synchronously, and each worker compiles each once.
 */
export function instantiate<T>(base64: string, imports: WebAssembly.Imports = {}): T {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports as unknown as T;
  } catch (error) {
    // An old browser (no SIMD), or a Content-Security-Policy without 'wasm-unsafe-eval'.
    throw new Error(
      `The indicator table needs WebAssembly SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 or newer), and a page policy that allows 'wasm-unsafe-eval': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
