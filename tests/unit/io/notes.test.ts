import { describe, expect, it } from 'vitest';
import { keyedNote, notes } from '../../../src/io/notes';
import { t } from '../../../src/i18n/i18n';
import { formatFileSize, wordNote } from '../../../src/ui/noteText';
import { FEATURE_ID } from '../../../src/io/boundaries';

describe('notes about inputs: English for the CLI, a message key and parameters for the interface', () => {
  it('reads every note back into its key and parameters', () => {
    expect(keyedNote(notes.idsDetected('code', FEATURE_ID))).toEqual({ key: 'note.idsDetected', params: { property: 'code' } });
    expect(keyedNote(notes.idsDetected(FEATURE_ID, FEATURE_ID))).toEqual({ key: 'note.idsDetectedFeature', params: {} });
    expect(keyedNote(notes.idsBest('name', FEATURE_ID, 1, 2))).toEqual({ key: 'note.idsBest', params: { property: 'name', byCode: 1, byName: 2 } });
    expect(keyedNote(notes.antimeridian(['Чукотский автономный округ']))).toEqual({ key: 'note.antimeridian', params: { n: 1, names: 'Чукотский автономный округ' } });
    expect(keyedNote(notes.measure('ЧИСЛ', ['ВРП']))).toEqual({ key: 'note.measureAlso', params: { measure: 'ЧИСЛ', others: 'ВРП' } });
    expect(keyedNote(notes.measure('emp', []))).toEqual({ key: 'note.measure', params: { measure: 'emp' } });
    expect(keyedNote(notes.yourFiles(['a.geojson', 'b.csv']))).toEqual({ key: 'note.yourFiles', params: { files: 'a.geojson, b.csv' } });
    expect(keyedNote('something else')).toBeUndefined();
  });

  it('keeps the English the CLI and its tests print', () => {
    expect(notes.measure('ЧИСЛ', ['ВРП'])).toBe('measure ЧИСЛ used (also present: ВРП)');
    expect(notes.antimeridian(['Eastcape'])).toBe('1 region(s) crossing the 180° meridian redrawn as one shape: Eastcape');
  });

  it('words them in Russian, and file sizes in the language’s units', () => {
    expect(t('note.measureAlso', { measure: 'ЧИСЛ', others: 'ВРП' }, 'ru')).toBe('использован показатель ЧИСЛ (есть также: ВРП)');
    expect(t('note.antimeridian', { n: 2, names: 'A, B' }, 'ru')).toBe('2 региона, пересекающих меридиан 180°, нарисованы одной фигурой: A, B');
    expect(wordNote('not a known note')).toBe('not a known note');
    expect(formatFileSize(1536, 'en')).toBe('1.5 kB');
    expect(formatFileSize(3 * 1024 * 1024, 'ru')).toBe('3 МБ');
  });
});
