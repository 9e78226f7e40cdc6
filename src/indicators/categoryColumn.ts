/**
 * One category's column of a region-major matrix (cell r · nCategories + c), in region order:
 * what the map shades, what Moran's I is taken of, what LISA analyses. With `unreported`, a
 * region whose cell there is NaN (not reported) gets NaN whatever the matrix holds (a star
 * count of 0 is not a measured absence). `out` is filled when given (a loop over categories
 * reuses one buffer).
 */
export function categoryColumn(
  matrix: ArrayLike<number>,
  nRegions: number,
  nCategories: number,
  c: number,
  unreported?: ArrayLike<number>,
  out: Float64Array = new Float64Array(nRegions),
): Float64Array {
  if (unreported) for (let r = 0, i = c; r < nRegions; r++, i += nCategories) out[r] = Number.isNaN(unreported[i]) ? NaN : matrix[i];
  else for (let r = 0, i = c; r < nRegions; r++, i += nCategories) out[r] = matrix[i];
  return out;
}
