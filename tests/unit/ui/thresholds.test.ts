import { describe, expect, it } from 'vitest';
import { parseThresholds, thresholdsText } from '../../../src/ui/classificationPanel';

describe('manual thresholds as typed', () => {
  it('reads semicolons, spaces and comma-space as separators, a comma inside a number as a decimal comma', () => {
    expect(parseThresholds('0.5; 1; 2')).toEqual([0.5, 1, 2]);
    expect(parseThresholds('0,5; 1; 2')).toEqual([0.5, 1, 2]);
    expect(parseThresholds('0.5, 1, 2')).toEqual([0.5, 1, 2]);
    expect(parseThresholds(' 2  1\t3 ')).toEqual([1, 2, 3]);
    expect(parseThresholds('−10; 0; 1e3')).toEqual([-10, 0, 1000]);
  });

  it('sorts and drops repeats', () => {
    expect(parseThresholds('3; 1; 3')).toEqual([1, 3]);
  });

  it('rejects anything that is not a number, and an empty list', () => {
    expect(parseThresholds('1; two')).toBeUndefined();
    expect(parseThresholds('0.5,1,2')).toBeUndefined();
    expect(parseThresholds('')).toBeUndefined();
    expect(parseThresholds('1;;2')).toEqual([1, 2]);
    expect(parseThresholds('Infinity')).toBeUndefined();
  });

  it('writes breaks back compactly, and reads them again', () => {
    const text = thresholdsText([0.123456, 12345.678, 2]);
    expect(text).toBe('0.123; 12300; 2');
    expect(parseThresholds(text)).toEqual([0.123, 2, 12300]);
  });
});
