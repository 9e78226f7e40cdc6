/**
 * The years of a binary hosted dataset (cubeBlobs.ts), fetched when something asks for them: the
 * cube starts with its regions, categories and years and no values, the year the page opens on is
 * fetched first, and a year slider, Play or a change between years fetches only the years they show.
 * A year's values pass the same region join as the whole cube of a CSV pack (joinToMap's kept
 * regions, in the data's order), so the cube filled year by year is the one a CSV pack gives.
 */
import type { EmploymentCube } from '../model/dataset';
import { decodeCubeBlob, type CubeBlob, type CubeIndex } from '../io/cubeBlobs';
import { keptRegions } from '../io/joinedCube';

/** Stands for a year not fetched yet: nothing may read it (`HostedYears.ensure` first). */
const NOT_FETCHED = new Float64Array(0);

export class HostedYears {
  private readonly pending = new Map<number, Promise<void>>();
  private readonly done = new Set<number>();
  /** Bytes of year files received so far. */
  bytesFetched = 0;

  /**
   * `cube`: the joined cube, whose value arrays this fills; `kept`: for each of its regions, the
   * index of the region in the files; `fetchFile`: a year file's bytes, through the request gate.
   */
  constructor(
    private readonly index: CubeIndex,
    private readonly cube: EmploymentCube,
    private readonly kept: readonly number[],
    private readonly fetchFile: (file: string) => Promise<ArrayBuffer>,
  ) {
    cube.employment = index.years.map(() => NOT_FETCHED);
    if (index.establishments) cube.establishments = index.years.map(() => NOT_FETCHED);
  }

  /** How many years the dataset has. */
  get count(): number {
    return this.index.years.length;
  }

  isFetched(yearIndex: number): boolean {
    return this.done.has(yearIndex);
  }

  /** The years at these indices fetched and in the cube, together (each file asked for once). */
  ensure(yearIndices: Iterable<number>): Promise<void> {
    return Promise.all([...new Set(yearIndices)].map((y) => this.year(y))).then(() => undefined);
  }

  /** Every year, e.g. for a series or breaks held over all years. */
  ensureAll(): Promise<void> {
    return this.ensure(this.index.years.keys());
  }

  private year(y: number): Promise<void> {
    if (this.done.has(y) || !(y >= 0 && y < this.index.years.length)) return Promise.resolve();
    let promise = this.pending.get(y);
    if (!promise) {
      promise = this.fetchYear(y).finally(() => this.pending.delete(y));
      // A failed year is asked for again next time; the error reaches the request that waited.
      this.pending.set(y, promise);
    }
    return promise;
  }

  private async fetchYear(y: number): Promise<void> {
    const { index } = this;
    const read = async (blob: CubeBlob) => {
      const buffer = await this.fetchFile(blob.file);
      this.bytesFetched += buffer.byteLength;
      return decodeCubeBlob(buffer, blob, index);
    };
    const [employment, establishments] = await Promise.all([read(index.employment[y]), index.establishments ? read(index.establishments[y]) : undefined]);
    const identity = this.kept.length === index.regions.length && this.kept.every((from, to) => from === to);
    const one = identity
      ? { employment: [employment], establishments: establishments ? [establishments] : undefined }
      : keptRegions({ regions: index.regions.map((id) => ({ id, name: id })), categories: this.cube.categories, years: [index.years[y]], employment: [employment], ...(establishments ? { establishments: [establishments] } : {}) }, this.kept);
    this.cube.employment[y] = one.employment[0];
    if (this.cube.establishments && one.establishments) this.cube.establishments[y] = one.establishments[0];
    this.done.add(y);
  }
}
