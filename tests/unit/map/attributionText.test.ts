import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attributionAsText } from '../../../src/map/attributionText';

const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

describe('attribution reaches the map as text', () => {
  it('escapes a phishing link and an image a manifest put in its attribution', () => {
    const hostile = '<a href="https://evil.example/phish">Click to re-verify your account</a><img src=x onerror=alert(1)>';
    expect(attributionAsText(hostile)).toBe(
      '&lt;a href=&quot;https://evil.example/phish&quot;&gt;Click to re-verify your account&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(attributionAsText('Your files: <img src=x onerror=alert(1)>.geojson, a&b.csv')).toBe('Your files: &lt;img src=x onerror=alert(1)&gt;.geojson, a&amp;b.csv');
    // An entity in the data is shown as typed, not decoded.
    expect(attributionAsText('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('property: the escaped text holds no markup character and decodes back to the data exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const html = attributionAsText(text);
        expect(html).not.toMatch(/[<>"']/);
        expect(html.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(decode(html)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});
