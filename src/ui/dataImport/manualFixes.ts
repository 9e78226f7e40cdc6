import { nameFixesCsv, parseNameFixes } from '../../io/nameFixes';

const STORAGE_KEY = 'cluster-atlas:manual-fixes';

/**
 * Manual join fixes (data region name → map region id) picked by the user, remembered for the
 * browser session (sessionStorage: gone when the tab closes, never sent anywhere) and exported
 * as the `data_name,region_id` file that `npm run dataset -- --names` reads.
 */
export class ManualFixes {
  private readonly fixes = new Map<string, string>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.sessionStorage) {
    try {
      const saved = this.storage?.getItem(STORAGE_KEY);
      if (saved) for (const [name, region] of JSON.parse(saved) as [string, string][]) this.fixes.set(name, region);
    } catch {
      // A damaged or unavailable store starts empty; fixes can be picked again.
    }
  }

  get size(): number {
    return this.fixes.size;
  }

  entries(): [string, string][] {
    return [...this.fixes];
  }

  get(dataName: string): string | undefined {
    return this.fixes.get(dataName);
  }

  set(dataName: string, regionId: string): void {
    this.fixes.set(dataName, regionId);
    this.save();
  }

  delete(dataName: string): void {
    this.fixes.delete(dataName);
    this.save();
  }

  /** Adds the fixes of a mapping file (errors name its line); returns how many it held. */
  importCsv(text: string, fileName: string): number {
    const read = parseNameFixes(text, fileName);
    for (const [name, region] of read) this.fixes.set(name, region);
    this.save();
    return read.size;
  }

  toCsv(): string {
    return nameFixesCsv(this.fixes);
  }

  private save(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify([...this.fixes]));
    } catch {
      // Storage full or disabled: the fixes still hold for this page.
    }
  }
}
