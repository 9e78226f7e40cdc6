/**
 * The pack report as text: what was read, how the regions joined, what the geometry became, and
 * the warnings (each listed up to a limit, the rest counted, never hidden).
 */
import { formatJoinReport, formatTableReport } from '../engine/reportText';
import { FEATURE_ID } from '../io/boundaries';
import type { PackResult, PackWarning } from './packDataset';
import { formatArea } from './simplifyBoundaries';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const count = (n: number) => n.toLocaleString('en');

export function formatPackReport(result: PackResult, listLimit = 20): string {
  const { inputs, boundaries, employment, join, geometry, output } = result;
  const lines: string[] = [];
  const roles = [
    `boundaries ${inputs.boundaries}`,
    `employment ${inputs.employment}`,
    ...(inputs.categories ? [`categories ${inputs.categories}`] : []),
    ...(inputs.industries ? [`industry mapping ${inputs.industries}`] : []),
    ...(inputs.names ? [`name fixes ${inputs.names}`] : []),
  ];
  lines.push(`inputs: ${roles.join('; ')}`);

  lines.push(`employment: ${employment.reading}`);
  lines.push(...formatTableReport(employment.report, listLimit).trimEnd().split('\n').map((l) => `  ${l}`));
  const industries = employment.industries;
  if (industries) {
    lines.push(`  industry codes: ${industries.mapped.length} mapped to categories, ${industries.aggregates.length} left out as totals of finer codes, ${industries.unmapped.length} without a category`);
    for (const note of industries.notes) lines.push(`  note: ${note}`);
  }

  const property = (p: string) => (p === FEATURE_ID ? 'the feature ids' : `"${p}"`);
  lines.push(`boundaries: ${boundaries.file} (${boundaries.format}), ${count(boundaries.regions)} regions; ids from ${property(boundaries.idProperty)}, names from ${property(boundaries.nameProperty)}`);
  for (const note of result.importNotes) lines.push(`  note: ${note}`);

  lines.push(...formatJoinReport(join, listLimit));

  const g = geometry;
  lines.push(
    `geometry: ${count(g.pointsBefore)} → ${count(g.pointsAfter)} points; vertices under ${formatArea(g.minAreaKm2)} removed (${g.threshold}); ` +
      `grid ${count(g.quantization)} steps, ${g.decimals[0]}/${g.decimals[1]} decimals; ${boundaries.file} ${formatBytes(boundaries.bytes)} → regions.geojson ${formatBytes(fileSize(result, 'regions.geojson'))}` +
      (fileSize(result, 'regions.topojson') > 0 ? `, regions.topojson ${formatBytes(fileSize(result, 'regions.topojson'))}` : ''),
  );
  if (g.droppedRings > 0) lines.push(`  ${g.droppedRings} hole(s) or island(s) smaller than the grid dropped (no region lost)`);
  if (g.unwrapped.length > 0) lines.push(`  unwrapped across ±180° so they draw as one shape: ${g.unwrapped.join(', ')}`);

  const years = output.years.length > 0 ? `${output.years.length} year(s) (${output.years.join(', ')})` : 'no year';
  lines.push(`output: ${output.regions} regions × ${output.categories} categories × ${years}; ${output.form === 'binary' ? `employment ${output.layoutWhy}` : `employment table ${output.layoutWhy}`}`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}

export function formatWarnings(warnings: readonly PackWarning[], label: 'warning' | 'error', listLimit = 20): string {
  const lines: string[] = [];
  for (const w of warnings) {
    lines.push(`${label}: ${w.summary}`);
    for (const item of limited(w.items, listLimit)) lines.push(`    ${item}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function limited(items: readonly string[], limit: number): string[] {
  return items.length > limit ? [...items.slice(0, limit), `… and ${items.length - limit} more`] : [...items];
}

function fileSize(result: PackResult, name: string): number {
  const file = result.files.find((f) => f.name === name);
  return file ? new TextEncoder().encode(file.text).length : 0;
}
