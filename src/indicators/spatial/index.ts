/** Spatial weights and autocorrelation: the public surface used by the worker and the CLI. */
export { MIN_SPATIAL_REGIONS, analyseSpatial, centroids, moranOfValues, neighboursFromGeometries, parseWeightsSpec } from './analysis';
export type { SpatialAnalysis, SpatialAnalysisOptions, WeightsSpec } from './analysis';
export { contiguityNeighbours, queenAndRookNeighbours, DEFAULT_SNAP } from './contiguity';
export type { ContiguityKind } from './contiguity';
export { getisOrdGiStar } from './getisOrd';
export { localMoran, MAX_PERMUTATIONS, QUADRANTS } from './localMoran';
export type { LocalMoran, LocalMoranOptions, Quadrant } from './localMoran';
export { globalMoran, weightsConstants } from './moran';
export type { GlobalMoran } from './moran';
export { nearestNeighbours, looksGeographic } from './nearest';
export type { DistanceKind } from './nearest';
export { planarSummary } from './planarGeometry';
export { GeometryError, polygonsOf } from './polygons';
export type { PolygonalGeometry } from './polygons';
export { neighbourMapFromJson, suppliedNeighbours } from './suppliedNeighbours';
export type { SuppliedNeighboursReport } from './suppliedNeighbours';
export * from './weights';
