import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { OUTPUT_DIR, loadDemoCube, openPage, waitReady } from './page';

// Presentations that travel, report-grade exports, the region dashboard and the linked views.
const axeSource = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Element) => Promise<Result> } }).axe;
    const { violations } = await axe.run(document.querySelector(sel)!);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}

async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; bytes: Buffer; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trigger()]);
  const path = (await download.path())!;
  return { download, bytes: readFileSync(path), path };
}

mkdirSync(OUTPUT_DIR, { recursive: true });

describe('presentations that travel', () => {
  let browser: Browser;
  const site = inject('siteUrl');
  const cube = loadDemoCube();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function saveSlide(page: Page, caption: string, n: number): Promise<void> {
    await page.click('#present-open');
    await page.click('#present-save');
    await page.locator('#saved-views li').nth(n - 1).waitFor();
    await page.fill(`#slide-caption-${n - 1}`, caption);
    await page.keyboard.press('Escape');
  }

  it('a 3-slide deck with captions travels in a link and in a file', async () => {
    const cats = ['automotive', 'it', 'biopharma'].map((id) => cube.categories.find((c) => c.id === id)!);
    const captions = ['Cars: the Midwest leads', 'IT — «кластеры» & <b>bold</b> stays text', 'Biopharma\nsecond line'];
    const { page, watch } = await openPage(browser, `${site}#v=2&cat=${cats[0].id}&ind=lq&year=2022`);
    await waitReady(page);
    await saveSlide(page, captions[0], 1);
    for (let i = 1; i < 3; i++) {
      await page.selectOption('#category', cats[i].id);
      await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), cats[i].id);
      await waitReady(page);
      await saveSlide(page, captions[i], i + 1);
    }
    await page.click('#present-open');
    await page.click('#deck-copy-link');
    const link = await page.locator('#deck-link').inputValue();
    expect(link).toMatch(/#deck=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2000);
    const file = await downloadOf(page, () => page.click('#deck-download'));
    expect(file.download.suggestedFilename()).toMatch(/\.deck\.json$/);
    const deck = JSON.parse(file.bytes.toString('utf8'));
    expect(deck).toMatchObject({ format: 'cluster-atlas-deck', version: 1 });
    expect(deck.slides.map((s: { caption: string }) => s.caption)).toEqual(captions);
    expect(await seriousViolations(page, '#present-dialog')).toEqual([]);
    await page.context().close();

    // A fresh page (no saved views in its storage) opens the link: same slides, same captions.
    const fresh = await openPage(browser, link);
    await waitReady(fresh.page);
    expect(await fresh.page.evaluate(() => location.hash)).toContain(`cat=${cats[0].id}`);
    await fresh.page.click('#present-open');
    expect(await fresh.page.locator('#saved-views li').count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await fresh.page.locator(`#slide-caption-${i}`).inputValue()).toBe(captions[i]);
    expect(await fresh.page.locator('#present-dialog .share-status').textContent()).toContain('3 slides');
    await fresh.page.click('#present-start');
    const caption = fresh.page.locator('#title-card-caption');
    await caption.waitFor({ state: 'visible' });
    expect(await caption.textContent()).toBe(captions[0]);
    expect(await fresh.page.locator('#title-card b').count()).toBe(0);
    await fresh.page.keyboard.press('ArrowRight');
    await fresh.page.waitForFunction((id) => location.hash.includes(`cat=${id}`), cats[1].id);
    await waitReady(fresh.page);
    expect(await caption.textContent()).toBe(captions[1]);
    await fresh.page.waitForTimeout(300);
    await fresh.page.screenshot({ path: resolve(OUTPUT_DIR, 'deck-slide-2.png') });
    await fresh.page.keyboard.press('Escape');
    expect(fresh.watch.errors).toEqual([]);
    await fresh.page.context().close();

    // The file opens in another fresh page; a bad slide in it is left out with a notice.
    deck.slides.push({ hash: '#v=2&ind=evil()', caption: 'bad' });
    const other = await openPage(browser, `${site}#v=2&cat=it&ind=lq&year=2022`);
    await waitReady(other.page);
    await other.page.click('#present-open');
    await other.page.setInputFiles('#deck-file', { name: 'talk.deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
    await other.page.locator('#saved-views li').nth(2).waitFor();
    expect(await other.page.locator('#saved-views li').count()).toBe(3);
    expect(await other.page.locator('#slide-caption-2').inputValue()).toBe(captions[2]);
    const status = await other.page.locator('#present-dialog .share-status').textContent();
    expect(status).toContain('1 slide was left out: 4');
    expect(status).toContain('$.slides[3]');
    await other.page.setInputFiles('#deck-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await other.page.locator('#present-dialog .share-status').filter({ hasText: 'notes.txt' }).waitFor();
    expect(other.watch.errors).toEqual([]);
    expect(watch.errors).toEqual([]);
    await other.page.context().close();
  });
});

describe('report-grade exports', () => {
  let browser: Browser;
  const site = inject('siteUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('PNG at 1920×1080 and 2× carries the LISA note (drawn and in its text); A4 at 1×; CSV with names and units', async () => {
    const { readPng } = await import('../../src/map/pngText');
    const { page, watch } = await openPage(browser, `${site}#v=2&cat=automotive&ind=lq&year=2022&mode=lisa`);
    await waitReady(page);
    const notes = await page.locator('#legend .legend-notes li').allTextContents();
    expect(notes.some((n) => /999/.test(n) && /seed 1/.test(n) && /p < 0\.05/.test(n))).toBe(true);
    expect(notes.some((n) => /Moran’s I: I = /.test(n))).toBe(true);
    await page.click('#export-open');
    expect(await seriousViolations(page, '#export-dialog')).toEqual([]);
    await page.selectOption('#export-size', 'hd');
    await page.selectOption('#export-ratio', '2');
    const hd = await downloadOf(page, () => page.click('#export-png'));
    const png = readPng(new Uint8Array(hd.bytes));
    expect({ width: png.width, height: png.height }).toEqual({ width: 3840, height: 2160 });
    expect(png.text.Title).toContain('LISA');
    for (const note of notes) expect(png.text.Description).toContain(note);
    expect(png.text.Description).toContain('Values tested');
    expect(png.text.Source).toContain('Census');
    await page.locator('#export-dialog .share-status').filter({ hasText: '.png' }).waitFor();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resolve(OUTPUT_DIR, 'export-lisa-hd-2x.png'), hd.bytes);

    await page.selectOption('#export-size', 'a4');
    await page.selectOption('#export-ratio', '1');
    const a4 = readPng(new Uint8Array((await downloadOf(page, () => page.click('#export-png'))).bytes));
    expect({ width: a4.width, height: a4.height }).toEqual({ width: 1754, height: 1240 });

    const csv = await downloadOf(page, () => page.click('#export-csv'));
    const { parseDelimited } = await import('../../src/io/delimited');
    const table = parseDelimited(csv.bytes.toString('utf8'), 'export.csv');
    expect(table.header.slice(0, 6)).toEqual(['region', 'name', 'category', 'year', 'employment', 'establishments']);
    for (const column of ['category_name', 'employment_unit', 'lq_unit', 'share_unit', 'lisa_class']) expect(table.header).toContain(column);
    expect(table.rows[0][table.header.indexOf('category_name')]).toBe('Automotive');
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});
