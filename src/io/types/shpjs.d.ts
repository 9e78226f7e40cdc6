// shpjs 6 ships no types (and @types/shpjs describes version 3); only what src/io uses is declared.
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';
  export type NamedCollection = FeatureCollection & { fileName?: string };
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<NamedCollection | NamedCollection[]>;
  /** Shapes of a .shp, reprojected from the CRS of `prj` (WKT) when given; null for null shapes. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): (Geometry | null)[];
  /** Records of a .dbf decoded in `encoding` (a TextDecoder label or a .cpg's content). */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, encoding?: string): Record<string, unknown>[];
  export function combine(parts: [(Geometry | null)[], Record<string, unknown>[]?]): FeatureCollection;
}
