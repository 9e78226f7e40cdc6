/**
 * What a read and a join found, as English text for the CLI's stderr and the packer's report
 * (every command prints the same): every row not used and every region not matched is counted,
 * and listed up to a limit (the count of the rest is stated, never hidden).
 */
import type { TableReport } from '../io/cubeBuilder';
import type { IndustryReport } from '../io/industryMapping';
import { MATCH_BASES, type JoinReport } from '../io/regionJoin';

export function formatTableReport(report: TableReport, listLimit = 20): string {
  const lines = [`${report.file}: ${report.rowsRead} rows read, ${report.rowsUsed} used`];
  if (report.missingCells > 0) lines.push(`  ${report.missingCells} cells not reported (kept as missing, not 0)`);
  if (report.suppressed && report.suppressed.cells > 0) {
    const byFlag = Object.entries(report.suppressed.byFlag).map(([f, n]) => `${f}: ${n}`).join(', ');
    lines.push(`  ${report.suppressed.cells} suppressed cells as ${report.suppressed.policy} (${byFlag})`);
  }
  for (const e of report.excluded ?? []) lines.push(`  ${e.rows} rows excluded: ${e.reason}`);
  if (report.unused.length > 0) {
    lines.push(`  ${report.unused.length} rows not used:`);
    for (const u of report.unused.slice(0, listLimit)) lines.push(`    line ${u.line}: ${u.reason}`);
    if (report.unused.length > listLimit) lines.push(`    … and ${report.unused.length - listLimit} more`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

/** What the industry → category mapping did: aggregates left out, codes without a category (with their employment). */
export function formatIndustryReport(report: IndustryReport, mappingFile: string, listLimit = 20): string {
  const lines = [`${mappingFile}: ${report.mapped.length} industry codes mapped to categories`];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`  ${items.length} ${title}:`);
    for (const item of items.slice(0, listLimit)) lines.push(`    ${item}`);
    if (items.length > listLimit) lines.push(`    … and ${items.length - listLimit} more`);
  };
  list('codes left out as aggregates of finer codes', report.aggregates.map((a) => `${a.code} (${a.finer} finer codes)`));
  list('codes without a category, not used', report.unmapped.map((u) => `${u.code}: ${u.cells} cells, employment ${u.employment}`));
  if (report.partialCells > 0) lines.push(`  ${report.partialCells} category cells summed from codes of which some were not reported`);
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}

/** The join in one line, then the map regions without data and the matches by manual fix or name alias. */
export function formatJoinReport(join: JoinReport, listLimit = 20): string[] {
  const c = join.counts;
  const bases = MATCH_BASES.filter((b) => c.byBasis[b] > 0).map((b) => `${b} ${c.byBasis[b]}`).join(', ');
  const reasons = Object.entries(c.byReason).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(', ');
  const lines = [
    `join: ${c.dataRegions} data regions, ${c.mapRegions} map regions → ${c.matched} matched (${bases})` +
      `, ${c.noData} map region(s) without data, ${c.notOnMap} data region(s) not on the map${reasons ? ` (${reasons})` : ''}`,
  ];
  if (join.noData.length > 0) lines.push(`  map regions without data: ${limited(join.noData.map((r) => (r.name !== r.id ? `${r.id} (${r.name})` : r.id)), listLimit).join(', ')}`);
  const manual = join.matched.filter((m) => m.basis === 'manual' || m.basis === 'name-alias');
  for (const m of manual.slice(0, listLimit)) lines.push(`  ${m.dataName} → ${m.regionId}${m.regionName !== m.regionId ? ` (${m.regionName})` : ''} by ${m.basis}`);
  return lines;
}

/** Data regions left out of the cube, each with its reason: what a strict packer refuses and what the CLI lists. */
export function formatNotOnMap(join: JoinReport, listLimit = 20): string[] {
  if (join.notOnMap.length === 0) return [];
  const items = join.notOnMap.map((m) => `    ${m.dataId}${m.dataName !== m.dataId ? ` (${m.dataName})` : ''}: ${m.reason}, ${m.detail}`);
  return [`  data regions not on the map (left out of every total):`, ...limited(items, listLimit)];
}

function limited(items: readonly string[], limit: number): string[] {
  return items.length > limit ? [...items.slice(0, limit), `… and ${items.length - limit} more`] : [...items];
}
