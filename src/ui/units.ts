import type { DatasetManifest } from '../io/manifest';
import { t, type MessageKey } from '../i18n/i18n';

const NAMED_UNITS: Record<string, MessageKey> = { THS: 'data.unit.THS', PER: 'data.unit.PER' };

/**
 * The dataset's unit in the interface's language: a known code (Eurostat THS, a title row's
 * "тыс. человек") by its message, any other unit as the source states it; undefined when unknown.
 */
export function unitLabel(manifest: Pick<DatasetManifest, 'unit' | 'unitCode'> | undefined): string | undefined {
  if (!manifest) return undefined;
  const key = manifest.unitCode ? NAMED_UNITS[manifest.unitCode] : undefined;
  return key ? t(key) : manifest.unit;
}

/** "Employment" → "Employment, thousand persons" (the label as it is without a unit). */
export function withUnit(label: string, unit: string | undefined): string {
  return unit ? `${label}, ${unit}` : label;
}
