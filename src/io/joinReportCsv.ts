import { csvText } from './csvText';
import type { JoinReport } from './regionJoin';

export const JOIN_REPORT_COLUMNS = ['status', 'data_region', 'data_name', 'map_region', 'map_name', 'basis', 'reason', 'detail'] as const;

/**
 * The join report as one CSV: matched regions (with their basis), data regions not on the map
 * (with reason and detail) and map regions without data, so every region of both sides is a row.
 */
export function joinReportCsv(report: JoinReport): string {
  const rows = [
    ...report.matched.map((m) => ['matched', m.dataId, m.dataName, m.regionId, m.regionName, m.basis, '', '']),
    ...report.notOnMap.map((m) => ['not-on-map', m.dataId, m.dataName, '', '', '', m.reason, m.detail]),
    ...report.noData.map((r) => ['no-data', '', '', r.id, r.name, '', '', '']),
  ];
  return csvText(JOIN_REPORT_COLUMNS, rows);
}
