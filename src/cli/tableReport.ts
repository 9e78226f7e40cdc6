/**
 * A table report as text for stderr: every row that was not used is counted, and listed up to
 * a limit with its line and reason (the count of the rest is stated, never hidden).
 */
import type { TableReport } from '../io/cubeBuilder';

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
