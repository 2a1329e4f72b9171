import type { Page } from 'playwright-core';

/** Resolves once no CSS transition runs: the shell's navbar slides when the width changes. */
export async function settledAfterResize(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
  );
}

/**
 * How far the page reaches beyond the window's width (0 or less when it only scrolls down).
 * After a resize, tables and charts measure their containers over a few frames (Mantine's scroll
 * containers, recharts' ResponsiveContainer), so the width is read once they have had up to 3 s
 * to fit; a page that stays too wide still answers its overflow, and the test fails on it.
 */
export async function sidewaysOverflow(page: Page): Promise<number> {
  await settledAfterResize(page);
  await page
    .waitForFunction(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
