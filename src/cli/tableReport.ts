/**
 * A table report as text for stderr: every row that was not used is counted, and listed up to
 * a limit with its line and reason (the count of the rest is stated, never hidden).
 */
import type { TableReport } from '../io/cubeBuilder';
import type { IndustryReport } from '../io/industryMapping';

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
