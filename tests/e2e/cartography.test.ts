import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { openPage, seriousViolations, waitReady } from './page';

describe('cartography: legend classes, notes and rule sliders', () => {
  let browser: Browser;
  const site = inject('siteUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('classes the LQ at the documented fixed breaks, and the legend counts every grey region', async () => {
    const { page, watch } = await openPage(browser, site);
    await waitReady(page);
    expect(await page.locator('#legend li[data-kind="class"] .legend-label').allTextContents()).toEqual([
      '< 0.50',
      '0.50 – 0.80',
      '0.80 – 1.25',
      '1.25 – 2.00',
      '2.00 – 3.00',
      '≥ 3.00',
    ]);
    // No data: the regions without a value plus the map's features without data rows; every region counted once.
    const counts = (await page.locator('#legend .legend-count').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    const features = await page.evaluate(async () => {
      const response = await fetch(new URL('geo/demo/regions.geojson', document.baseURI));
      return ((await response.json()) as { features: unknown[] }).features.length;
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(features);
    // The breaks are documented in the methodology panel.
    await page.locator('button', { hasText: /methodology/i }).first().click();
    expect(await page.locator('dialog[open]').textContent()).toContain('0.8 – 1.25');
    await page.keyboard.press('Escape');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('says so when fewer classes come out than were asked', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&ind=employment&class=quantile&classes=9`);
    await waitReady(page);
    const shown = await page.locator('#legend li[data-kind="class"]').count();
    expect(shown).toBeLessThan(9);
    const note = await page.locator('#legend .legend-fewer').textContent();
    expect(note).toContain(`${shown} classes shown of 9 asked`);
    for (const label of await page.locator('#legend li[data-kind="class"] .legend-label').allTextContents()) {
      const [lo, hi] = label.split(' – ');
      if (hi !== undefined) expect(lo).not.toBe(hi);
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('disables the sliders U.S. Cluster Mapping does not use, with the reason', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&rule=cmp&lang=ru`);
    await waitReady(page);
    expect(await page.locator('#rule-cut').isDisabled()).toBe(true);
    expect(await page.locator('#rule-lq').isDisabled()).toBe(true);
    expect(await page.locator('#rule-cut').getAttribute('aria-describedby')).toBe('rule-cut-why');
    expect(await page.locator('#rule-lq-why').textContent()).toContain('U.S. Cluster Mapping');
    await page.locator('#rule-kind').selectOption('eco');
    await waitReady(page);
    expect(await page.locator('#rule-cut').isDisabled()).toBe(false);
    expect(await page.locator('#rule-lq').isDisabled()).toBe(false);
    expect(await page.locator('#rule-lq-why').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
