import { describe, expect, it } from 'vitest';
import { MAX_SAVED_VIEWS, SavedViews, savedViewsKey } from '../../../src/state/savedViews';

/** An in-memory Storage, optionally refusing writes like a browser in private mode or over quota. */
function memoryStorage(initial: Record<string, string> = {}, refuseWrites = false) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
  };
}

const key = savedViewsKey('https://h.example/geo/demo/manifest.json');

describe('saved views', () => {
  it('persist per dataset and come back in order after a reload', () => {
    const storage = memoryStorage();
    const views = new SavedViews(storage, key);
    views.add({ hash: '#v=2&cat=a', label: 'A' });
    views.add({ hash: '#v=2&cat=b', label: 'B' });
    views.add({ hash: '#v=2&cat=c', label: 'C' });
    views.move(2, -1);
    views.remove(0);
    const reloaded = new SavedViews(storage, key);
    expect(reloaded.list()).toEqual([{ hash: '#v=2&cat=c', label: 'C' }, { hash: '#v=2&cat=b', label: 'B' }]);
    expect(new SavedViews(storage, savedViewsKey('https://h.example/geo/eu/manifest.json')).list()).toEqual([]);
  });

  it('ignores moves past either end and removals of missing entries', () => {
    const views = new SavedViews(memoryStorage(), key);
    views.add({ hash: '#a', label: 'a' });
    views.add({ hash: '#b', label: 'b' });
    views.move(0, -1);
    views.move(1, 1);
    views.remove(5);
    expect(views.list().map((v) => v.label)).toEqual(['a', 'b']);
  });

  it('tells listeners about every change', () => {
    const views = new SavedViews(memoryStorage(), key);
    let calls = 0;
    views.onChange(() => calls++);
    views.add({ hash: '#a', label: 'a' });
    views.move(0, 1);
    views.remove(0);
    expect(calls).toBe(2);
  });

  it('stops at the limit', () => {
    const views = new SavedViews(memoryStorage(), key);
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) expect(views.add({ hash: `#${i}`, label: String(i) })).toBe(true);
    expect(views.add({ hash: '#over', label: 'over' })).toBe(false);
    expect(views.list()).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('counts unreadable stored entries instead of dropping them silently', () => {
    const stored = JSON.stringify({
      format: 'cluster-atlas-saved-views',
      version: 1,
      views: [{ hash: '#v=2&cat=a', label: 'A' }, { hash: 'javascript:alert(1)', label: 'x' }, { hash: 5 }, null, { hash: '#ok', label: '<b>kept as text</b>' }],
    });
    const views = new SavedViews(memoryStorage({ [key]: stored }), key);
    expect(views.list()).toEqual([{ hash: '#v=2&cat=a', label: 'A' }, { hash: '#ok', label: '<b>kept as text</b>' }]);
    expect(views.dropped).toBe(3);
    expect(new SavedViews(memoryStorage({ [key]: '{not json' }), key).dropped).toBe(1);
    expect(new SavedViews(memoryStorage({ [key]: '{"format":"other","views":[]}' }), key).dropped).toBe(1);
  });

  it('keeps working for the page when storage refuses writes or is missing', () => {
    const refusing = new SavedViews(memoryStorage({}, true), key);
    refusing.add({ hash: '#a', label: 'a' });
    expect(refusing.list()).toHaveLength(1);
    expect(refusing.persistent).toBe(false);
    const none = new SavedViews(undefined, key);
    none.add({ hash: '#a', label: 'a' });
    expect(none.list()).toHaveLength(1);
    expect(none.persistent).toBe(false);
  });
});

describe('saved views with captions and bounds', () => {
  it('keep both through a reload, and read lists saved before captions', () => {
    const storage = memoryStorage();
    const views = new SavedViews(storage, key);
    views.add({ hash: '#v=2&cat=a', label: 'A', bounds: [1, 2, 3, 4] });
    let calls = 0;
    views.onChange(() => calls++);
    views.setCaption(0, 'Growth in the south', true);
    expect(calls).toBe(0);
    views.setCaption(0, 'Growth in the south!');
    expect(calls).toBe(1);
    expect(new SavedViews(storage, key).list()).toEqual([{ hash: '#v=2&cat=a', label: 'A', caption: 'Growth in the south!', bounds: [1, 2, 3, 4] }]);
    const old = memoryStorage({ [key]: JSON.stringify({ format: 'cluster-atlas-saved-views', version: 1, views: [{ hash: '#v=2&cat=b', label: 'B' }, { hash: '#x', label: 'x', bounds: [1, 'a', 3, 4] }] }) });
    expect(new SavedViews(old, key).list()).toEqual([{ hash: '#v=2&cat=b', label: 'B' }, { hash: '#x', label: 'x' }]);
  });

  it('replace a whole list (a deck opened) within the limit', () => {
    const views = new SavedViews(memoryStorage(), key);
    views.replace(Array.from({ length: MAX_SAVED_VIEWS + 5 }, (_, i) => ({ hash: `#${i}`, label: '', caption: `c${i}` })));
    expect(views.list()).toHaveLength(MAX_SAVED_VIEWS);
    expect(views.list()[3].caption).toBe('c3');
  });
});
