import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, escapeAttribute, fullPageUrl, isEmbedded, safeFileName } from '../../../src/ui/shareLinks';
import { wrapText } from '../../../src/map/exportPng';

const page = 'https://h.example/atlas/?dataset=geo%2Feu%2Fmanifest.json#v=2&cat=it&ind=lq&year=2020';

describe('share links', () => {
  it('turns a page URL into an embed URL and back, keeping the dataset and the view', () => {
    const embed = embedUrl(page);
    expect(isEmbedded(embed)).toBe(true);
    expect(isEmbedded(page)).toBe(false);
    expect(new URL(embed).searchParams.get('dataset')).toBe('geo/eu/manifest.json');
    expect(new URL(embed).hash).toBe('#v=2&cat=it&ind=lq&year=2020');
    expect(fullPageUrl(embed)).toBe(page);
  });

  it('writes an iframe whose attributes cannot be broken out of by a dataset title', () => {
    const snippet = embedSnippet(page, 'Regions "A" & <script>alert(1)</script> \'x\'');
    expect(snippet).toMatch(/^<iframe src="https:\/\/h\.example\/atlas\/\?dataset=geo%2Feu%2Fmanifest\.json&amp;embed=1#v=2&amp;cat=it&amp;ind=lq&amp;year=2020" /);
    expect(snippet).toContain('title="Regions &quot;A&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt; &#39;x&#39;"');
    expect(snippet).not.toContain('<script>');
    expect(snippet.endsWith('allowfullscreen></iframe>')).toBe(true);
    expect(escapeAttribute('a&b')).toBe('a&amp;b');
  });

  it('makes file names from data without path tricks or odd characters', () => {
    expect(safeFileName(['demo', 'automotive', 'lq', 2022, 'eco'], 'csv')).toBe('demo_automotive_lq_2022_eco.csv');
    expect(safeFileName(['../../etc', 'a/b\\c', 'Café <x>'], 'png')).toBe('etc_a-b-c_Cafe-x.png');
    expect(safeFileName(['', undefined, '***'], 'geojson')).toBe('cluster-atlas.geojson');
  });
});

describe('PNG text layout', () => {
  // One unit per character: easy to reason about.
  const measure = (text: string) => text.length;
  it('wraps greedily at word boundaries, an over-long word on a line of its own', () => {
    expect(wrapText(measure, 'aaa bbb ccc dd', 7)).toEqual(['aaa bbb', 'ccc dd']);
    expect(wrapText(measure, 'a verylongwordindeed b', 5)).toEqual(['a', 'verylongwordindeed', 'b']);
    expect(wrapText(measure, '   ', 5)).toEqual([]);
  });
});
