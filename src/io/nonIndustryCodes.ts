/**
 * Category codes that are not industries: a total ("TOTAL", "Всего по …"), a non-answer
 * (Eurostat's NRP "no response", "not stated"), and an aggregate given beside its own parts (NACE
 * B-E beside C, M_N beside M). Kept as categories they distort every share: Luxembourg's
 * non-answers became its top "industry" with an LQ of 16.7. They are left out by default, each
 * with its reason, and kept when the user asks.
 */
import type { Category } from '../model/dataset';

export type NonIndustryReason = 'total' | 'no-response' | 'aggregate';

export interface NonIndustryCode {
  id: string;
  name: string;
  reason: NonIndustryReason;
  /** For an aggregate: the categories of the table it contains. */
  parts?: string[];
}

const TOTAL = /^(total|totals|all|all industries|all activities|всего|итого|всего по .*|итого по .*|total[ _-].*)$/i;
const NO_RESPONSE = /^(nrp|no response|not stated|unknown|not known|не указано|нет ответа|неизвестно)$/i;
/** NACE section ranges as Eurostat writes them: B-E (B to E), M_N (M and N). */
const SECTION_RANGE = /^([A-U])([-_])([A-U])$/;

/** The categories that are not industries, in the table's order. */
export function nonIndustryCodes(categories: readonly Category[]): NonIndustryCode[] {
  const ids = new Set(categories.map((c) => c.id.trim()));
  const out: NonIndustryCode[] = [];
  for (const c of categories) {
    const id = c.id.trim();
    const texts = [id, c.name.trim()];
    if (texts.some((t) => TOTAL.test(t))) out.push({ id: c.id, name: c.name, reason: 'total' });
    else if (texts.some((t) => NO_RESPONSE.test(t) || /\((NRP)\)$/.test(t))) out.push({ id: c.id, name: c.name, reason: 'no-response' });
    else {
      const parts = sectionParts(id).filter((p) => ids.has(p));
      if (parts.length > 0) out.push({ id: c.id, name: c.name, reason: 'aggregate', parts });
    }
  }
  return out;
}

/** The sections a NACE range covers (B-E → B, C, D, E; M_N → M, N), else none. */
function sectionParts(code: string): string[] {
  const m = SECTION_RANGE.exec(code);
  if (!m) return [];
  const from = m[1].charCodeAt(0);
  const to = m[3].charCodeAt(0);
  if (to <= from) return [];
  if (m[2] === '_') return [m[1], m[3]];
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

/** One line for the report: what was left out and why. */
export function describeNonIndustry(code: NonIndustryCode): string {
  const what = code.name !== code.id ? `${code.id} (${code.name})` : code.id;
  if (code.reason === 'total') return `${what}: a total, not an industry`;
  if (code.reason === 'no-response') return `${what}: no response / not stated, not an industry`;
  return `${what}: an aggregate of ${code.parts!.join(', ')}, which the table also gives`;
}
