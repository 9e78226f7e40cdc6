import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';

/**
 * One Chromium for the tests of the enclosing `describe`: launched before them, closed after.
 * Call it where the block declares its state; `browser()` gives the running browser in a test.
 * (Its own file: the benchmarks import browser.ts outside vitest.)
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: useBrowser() is for use inside a describe block, its browser inside its tests');
    return browser;
  };
}
