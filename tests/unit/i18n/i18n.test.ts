import { describe, expect, it } from 'vitest';
import { detectLang, messageKeys, t } from '../../../src/i18n/i18n';

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const en = messageKeys('en');
    expect(messageKeys('ru').sort()).toEqual([...en].sort());
    for (const key of en) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = { n: 5, count: 5, key: 'k', year: 2020, stage: 's', percent: 1, message: 'm', licence: 'l', file: 'f', read: 1, used: 1, unused: 0, missing: 0, from: 1, to: 2, shown: 2, total: 3, column: 'c' };
      const enText = t(key as never, {}, 'en');
      const ruText = t(key as never, {}, 'ru');
      expect(placeholders(ruText), key).toEqual(placeholders(enText));
      // Every placeholder the English text names gets a value; a plural form that names another stays visible.
      const named = Object.fromEntries(placeholders(enText).map((p) => [p, 'x']));
      expect(t(key as never, { ...named, ...params }, 'ru')).not.toMatch(/\{\w+\}/);
    }
  });

  it('uses Russian plural forms', () => {
    expect(t('stars.count', { n: 1 }, 'ru')).toBe('1 звезда');
    expect(t('stars.count', { n: 2 }, 'ru')).toBe('2 звезды');
    expect(t('stars.count', { n: 5 }, 'ru')).toBe('5 звёзд');
    expect(t('info.mapRegions', { n: '3 142', count: 3142 }, 'ru')).toBe('3 142 региона на карте');
    expect(t('info.mapRegions', { n: '85', count: 85 }, 'ru')).toBe('85 регионов на карте');
    expect(t('stars.count', { n: 1 }, 'en')).toBe('1 star');
    expect(t('stars.count', { n: 3 }, 'en')).toBe('3 stars');
  });

  it('picks the browser language it speaks, else English', () => {
    expect(detectLang(['ru-RU', 'en'])).toBe('ru');
    expect(detectLang(['de-DE', 'en-GB'])).toBe('en');
    expect(detectLang(['fr'])).toBe('en');
  });
});
