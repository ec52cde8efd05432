import { existsSync } from 'node:fs';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere on another system. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type BrowserTestPlan = { run: true } | { run: false; notice: string };

type Env = Record<string, string | undefined>;

const isSet = (value: string | undefined): boolean => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

/**
 * Whether the browser tests (Playground end to end, dashboard tab) run here. A fresh machine without
 * Chromium skips them with one notice, so `npm install && npm test` passes; CI (`CI` set) never skips
 * for a missing browser, so a broken CI image fails instead of passing with less. SKIP_BROWSER_TESTS=1
 * skips them anywhere.
 */
export function browserTestPlan(env: Env = process.env, chromiumPresent = existsSync(CHROMIUM_PATH)): BrowserTestPlan {
  if (env.SKIP_BROWSER_TESTS === '1') return { run: false, notice: 'Browser tests skipped (SKIP_BROWSER_TESTS=1).' };
  if (chromiumPresent || isSet(env.CI)) return { run: true };
  return {
    run: false,
    notice: `Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. To run them, install Debian's Chromium: sudo apt-get install chromium (with CI set they fail instead).`,
  };
}

export const skipBrowserTests = !browserTestPlan().run;

/** The error a browser test meets when it must run (CI) but there is no browser. */
export function missingChromiumMessage(): string {
  return `Chromium is missing at ${CHROMIUM_PATH}. Install it with: sudo apt-get install chromium (or set SKIP_BROWSER_TESTS=1 to skip browser tests).`;
}
