import type { HostedYears } from '../engine/hostedYears';
import type { WorkerRequest } from './protocol';

/**
 * The year indices a request reads, so a binary pack fetches exactly those first: one year for a
 * map or its spatial statistics, two for a change, every year for a region's series or breaks held
 * across years, none for a scatter of values the page sends.
 */
export function yearsRead(request: Exclude<WorkerRequest, { type: 'load' | 'adopt' }>, years: Pick<HostedYears, 'count'>): number[] {
  switch (request.type) {
    case 'compute':
    case 'categoryStats':
    case 'spatial':
      return [request.yearIndex];
    case 'change':
      return [request.fromYearIndex, request.toYearIndex];
    case 'series':
    case 'pooled':
      return Array.from({ length: years.count }, (_, y) => y);
    case 'scatter':
      return [];
  }
}
