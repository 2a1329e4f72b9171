import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { DEMO_OWNER, DEMO_PASSWORD, signInThroughThePage } from './support/session';

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('a strategy cycle and its roadmap in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, timezoneId: 'UTC' });
    page.setDefaultTimeout(10_000);
    await signInThroughThePage(page, product.baseUrl, DEMO_OWNER, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('starts a cycle, meets a step’s exit criteria, signs it off and reopens it with a reason', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Strategy cycles' })
      .click();
    // The demo organisation already holds last year's cycle and this year's.
    await page.getByRole('table', { name: 'Strategy cycles' }).waitFor();
    const form = page.getByRole('form', { name: 'New strategy cycle' });
    await form.getByLabel('Name').fill('FY2028 social strategy');
    await form.getByLabel('Starts on').fill('2027-04-01');
    await form.getByLabel('Ends on').fill('2028-03-31');
    await form.getByRole('button', { name: 'Start cycle' }).click();

    await page.getByRole('heading', { name: 'FY2028 social strategy' }).waitFor();
    await page.getByText('0 of 6 steps signed off').waitFor();
    for (const name of ['Assess', 'Envision', 'Plan', 'Organise', 'Execute', 'Measure and adapt']) {
      await page.getByRole('region', { name: new RegExp(`^Step \\d: ${name}$`) }).waitFor();
    }

    const envision = page.getByRole('region', { name: 'Step 2: Envision' });
    const signOff = envision.getByRole('button', { name: 'Sign off' });
    expect(await signOff.isDisabled()).toBe(true);
    const boxes = envision.getByRole('checkbox');
    for (let index = 0; index < (await boxes.count()); index++) {
      // The box follows the server: it shows ticked once the change is stored.
      await boxes.nth(index).click();
      await page.waitForFunction(
        ([region, at]) =>
          (
            document.querySelectorAll(`section[aria-label="${region}"] input[type=checkbox]`)[
              at as number
            ] as HTMLInputElement
          )?.checked,
        ['Step 2: Envision', index],
      );
    }
    await screenshot(page, 'roadmap');
    await signOff.click();
    await envision.getByText('Signed off', { exact: true }).waitFor();
    await page.getByText('1 of 6 steps signed off').waitFor();

    await envision.getByRole('button', { name: 'Reopen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reopen Envision' });
    await dialog
      .getByLabel('Why is it reopened?')
      .fill('The board wants retention as an outcome too');
    await dialog.getByRole('button', { name: 'Reopen step' }).click();
    await envision.getByText('Reopened: The board wants retention as an outcome too').waitFor();
    await screenshot(page, 'roadmap-reopened');
  });
});
