import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../support/browser';

/**
 * Chromium as the browser tests launch it, plus the flags that keep a page
 * nobody looks at from being throttled: frames and timers must run as they
 * would on the dispatch room's screen.
 */
export async function launchBenchBrowser(): Promise<Browser> {
  const { browser } = await launchBrowser([
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
  ]);
  return browser;
}
