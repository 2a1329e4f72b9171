import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (browser downloads cannot reach the internet here), or CHROME_PATH. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
  if (process.env.CI === 'true') {
    throw new Error(
      `No Chromium at ${chromiumPath}: CI must run the browser tests (apt-get install chromium).`,
    );
  }
  process.stderr.write(
    `\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}.\n` +
      `!! Install it (apt-get install chromium) or set CHROME_PATH.\n${'!'.repeat(78)}\n\n`,
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const screenshotDirectory = path.resolve(__dirname, '../../../../tmp/screenshots');

/** Keeps a picture of what the user saw, for a person to look at (tmp/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: true });
}
