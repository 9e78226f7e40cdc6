import { keyedNote } from '../io/notes';
import { t, type MessageKey } from '../i18n/i18n';

/** A note about the inputs in the interface's language (the English text when it has no message). */
export function wordNote(text: string): string {
  const keyed = keyedNote(text);
  return keyed ? t(keyed.key as MessageKey, keyed.params) : text;
}

/** A file size as the interface writes it: "12.5 KB", "1,2 МБ". */
export function formatFileSize(bytes: number, lang: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
}

/**
 * The map's attribution: a dataset's own as it is; the one the import writes ("Your files: …") in the
 * interface's language. Plain text either way: the map escapes it (map/attributionText.ts).
 */
export function mapAttribution(attribution: string): string {
  return keyedNote(attribution) ? wordNote(attribution) : attribution;
}
