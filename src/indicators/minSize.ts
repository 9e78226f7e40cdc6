/**
 * The minimum size of a rule: a cell with fewer employees (or establishments) than the rule asks
 * for does not compete. It is given 0 in a copy of the employment matrix that the thresholds,
 * stars and strong clusters read, so it earns nothing and takes no ranking place, while LQ and
 * shares still come from the real figures. Without a minimum the matrix itself is returned.
 */
import type { StarRule } from '../model/dataset';

export function competingEmployment(employment: Float64Array, establishments: Float64Array | undefined, rule: StarRule): Float64Array {
  const minE = rule.minEmployment ?? 0;
  const minP = establishments ? (rule.minEstablishments ?? 0) : 0;
  if (!(minE > 0) && !(minP > 0)) return employment;
  const out = new Float64Array(employment.length);
  for (let i = 0; i < employment.length; i++) {
    const e = employment[i];
    // NaN (not reported) compares false and stays out, as it always did.
    const big = e >= minE && (!(minP > 0) || establishments![i] >= minP);
    out[i] = big ? e : 0;
  }
  return out;
}
