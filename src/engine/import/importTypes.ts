import type { InputKind } from '../../io/inputKind';
import type { DecodedText, TextEncoding } from '../../io/textDecoding';
import type { ShapefileReading } from '../../io/shapefileZip';
import type { ColumnHierarchy } from '../../io/hierarchy';
import type { InputLocation } from '../../io/errors';
import type { LongMapping } from '../../io/longTable';
import type { SuppressionPolicy } from '../../io/suppression';
import type { TableReport } from '../../io/cubeBuilder';
import type { JoinReport } from '../../io/regionJoin';
import type { IndustryReport } from '../../io/industryMapping';
import type { EmploymentCube, Region } from '../../model/dataset';
import type { LoadedDataset } from '../../engine/types';

/** What a file is used for in an import. */
export const FILE_ROLES = ['boundaries', 'employment', 'categories', 'industries', 'names', 'ignore'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

/** Table layouts: one row per region × category (long), one column per category (wide), one column per year. */
export const TABLE_LAYOUTS = ['long', 'wide', 'years'] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

/** An input problem as plain data (it crosses the worker boundary): where, and what is wrong. */
export interface ImportProblem {
  location?: InputLocation;
  problem: string;
  /** Location and problem in one sentence, as the CLI prints it. */
  message: string;
}

export interface BoundarySummary {
  format: 'geojson' | 'topojson' | 'shapefile';
  features: number;
  properties: string[];
  /** A few values of each property, for the id and name pickers. */
  samples: Record<string, string[]>;
  idProperty: string;
  nameProperty?: string;
  notes: string[];
}

export interface TableSummary {
  delimiter: string;
  header: string[];
  rows: number;
  preview: string[][];
  /** Columns whose cells are numbers (or "not reported"), judged on the first rows. */
  numericColumns: string[];
  /** Columns holding text (not numbers, not "not reported") in the first rows: names, not values. */
  textColumns: string[];
  layout: TableLayout;
  long: Partial<LongMapping>;
  /** Region and year columns of the wide layouts; their value columns follow from the header. */
  region?: string;
  category?: string;
  year?: string;
  yearColumns: string[];
  /** Text columns listing a hierarchy (indents, numbering, capitals): one level of each is used. */
  hierarchies?: ColumnHierarchy[];
}

export interface EurostatSummary {
  dimensions: string[];
  /** Codes of every dimension (the region dimension's only counted). */
  codes: string[][];
  periods: string[];
  rows: number;
  region?: string;
  category?: string;
  /** Per other dimension, the code used when it is not filtered (its total), if it has one. */
  totals: Record<string, string | undefined>;
  preview: string[][];
}

export interface JsonSummary {
  regions: number;
  measures: string[];
  preview: string[][];
}

/** How a file is read, chosen in the mapping step (or by CLI flags); a change reads the file again. */
export interface ReadOptions {
  /** Text encoding instead of the detected one. */
  encoding?: TextEncoding;
  /** Workbook sheet (default: the first). */
  sheet?: string;
  /** Zipped Shapefile: the layer to read (default: the one with the most polygons). */
  layer?: string;
  /** Zipped Shapefile: the .dbf's text encoding (any TextDecoder label) instead of the .cpg, code page byte or guess. */
  dbfEncoding?: string;
}

export interface FileSummary {
  key: string;
  name: string;
  size: number;
  kind?: InputKind;
  /** The read options this summary was made with. */
  options?: ReadOptions;
  /** The text encoding used, and how it was known (text files). */
  encoding?: { used: TextEncoding; by: DecodedText['by'] };
  /** A workbook's sheets and the one read. */
  sheets?: string[];
  sheet?: string;
  /** A zipped Shapefile's layers, the one read and how its .dbf was decoded. */
  shapefile?: ShapefileReading;
  role: FileRole;
  boundaries?: BoundarySummary;
  table?: TableSummary;
  eurostat?: EurostatSummary;
  json?: JsonSummary;
  /** What the reader noticed (encoding, skipped lines, chosen TopoJSON object). */
  notes: string[];
  error?: ImportProblem;
}

export interface TableChoice {
  layout: TableLayout;
  region: string;
  category?: string;
  employment?: string;
  year?: string;
  establishments?: string;
  employmentFlag?: string;
  /** Long layout: the column of the source's flags on each value (Eurostat letters). */
  flags?: string;
  /** Value columns of the wide layouts (categories or years). */
  columns?: string[];
  /** Hierarchy level (0 = top) kept per hierarchical column; the reader's suggestion when absent. */
  levels?: Record<string, number>;
}

/** Everything the user chose in the mapping step. */
export interface ImportChoices {
  boundaries: { key: string; idProperty?: string; nameProperty?: string };
  employment: {
    key: string;
    table?: TableChoice;
    eurostat?: { region?: string; category?: string; filters: Record<string, string[]> };
    json?: { measure?: string };
    /** Year of data without a year column or period. */
    year?: number;
    suppression?: SuppressionPolicy;
    benchmark?: string;
    /** Keep categories that are not industries (TOTAL, NRP, B-E beside C, "Всего по …"); left out by default. */
    keepNonIndustry?: boolean;
  };
  categories?: { key: string };
  industries?: { key: string };
  join: { by: 'auto' | 'id' | 'name'; aliases: boolean; manual: [string, string][] };
}

export interface ImportResult {
  /** `regionsUrl` is empty: the page makes a blob: URL of `regions`. */
  dataset: LoadedDataset;
  /** The cube re-keyed to the map's ids, for the compute worker. */
  cube: EmploymentCube;
  /** The validated, antimeridian-safe GeoJSON (region id as a string in `dataset.manifest.regions.id`). */
  regions: Blob;
  join: JoinReport;
  /** Every map region, for the manual-fix pickers. */
  mapRegions: Region[];
  industry?: IndustryReport;
  reports: TableReport[];
  notes: string[];
}

export type ImportRequest =
  | { id: number; type: 'inspect'; files: File[]; options?: Record<string, ReadOptions> }
  | { id: number; type: 'build'; files: File[]; choices: ImportChoices; options?: Record<string, ReadOptions> };

export type ImportResponse =
  | { id: number; type: 'progress'; stage: string; file?: string; fraction: number }
  | { id: number; type: 'inspected'; summaries: FileSummary[] }
  | { id: number; type: 'built'; result: ImportResult }
  | { id: number; type: 'error'; problem: ImportProblem };
