// shpjs 6 ships no types (and @types/shpjs describes version 3); only what src/io uses is declared.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export type NamedCollection = FeatureCollection & { fileName?: string };
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<NamedCollection | NamedCollection[]>;
}
