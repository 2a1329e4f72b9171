import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';

// Without Chromium outside CI the suite is skipped, loudly (see support/browser.ts); in CI a
// missing Chromium fails the run before this line.
const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('organisations in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let policyViolations: string[];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    page.setDefaultTimeout(10_000);
    policyViolations = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
  });
  afterEach(async () => {
    await page.close();
    // The API's content security policy must never stop the web app (or the API docs) working.
    expect(policyViolations).toEqual([]);
  });

  it('opens on the organisations page with the demo organisation and the six steps', async () => {
    await page.goto(product.baseUrl);
    await page.waitForURL('**/organisations');
    const table = page.getByRole('table', { name: 'Organisations' });
    await table.getByText('Guild of Independent Booksellers').waitFor();
    await table.getByText('Demo').waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const step of ['Assess', 'Envision', 'Plan', 'Organise', 'Execute', 'Measure and adapt']) {
      await navigation.getByRole('link', { name: step }).waitFor();
    }
    await screenshot(page, 'organisations');

    await navigation.getByRole('link', { name: 'Organise' }).click();
    await page.getByRole('heading', { name: 'Organise' }).waitFor();
    await page.getByText('accountability map', { exact: false }).waitFor();
  });

  it('serves the API documentation under the same security policy', async () => {
    await page.goto(`${product.baseUrl}/api/docs`);
    await page.getByText('Return-on-Impact planner API').first().waitFor();
    await page.getByText('/api/v1/organisations').first().waitFor();
    await screenshot(page, 'api-docs');
  });

  it('creates an organisation through the form and sees it listed', async () => {
    await page.goto(`${product.baseUrl}/organisations`);
    await page.getByRole('button', { name: 'New organisation' }).click();
    const form = page.getByRole('form', { name: 'New organisation' });

    await form.getByRole('button', { name: 'Create organisation' }).click();
    await form.getByText('Must not be empty').waitFor();

    expect(await form.getByLabel('Time zone', { exact: true }).inputValue()).toBe('UTC');
    await form.getByLabel('Name').fill('Harbour Credit Union');
    await form.getByLabel('About the organisation').fill('Member-owned savings and loans, Cork.');
    await screenshot(page, 'create-organisation');
    await form.getByRole('button', { name: 'Create organisation' }).click();

    await form.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Organisations' });
    await table.getByText('Harbour Credit Union').waitFor();
    await table.getByText('Member-owned savings and loans, Cork.').waitFor();

    // It is really stored: a fresh page load still lists it.
    await page.reload();
    await table.getByText('Harbour Credit Union').waitFor();
  });

  it('shows a rename made meanwhile by someone else instead of overwriting it', async () => {
    const created = await fetch(`${product.baseUrl}/api/v1/organisations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Riverside Food Co-operative' }),
    }).then((response) => response.json() as Promise<{ id: string; version: number }>);

    await page.goto(`${product.baseUrl}/organisations`);
    await page.getByRole('button', { name: 'Rename Riverside Food Co-operative' }).click();
    const form = page.getByRole('form', { name: 'Rename organisation' });

    // A colleague renames it while this form is open.
    await fetch(`${product.baseUrl}/api/v1/organisations/${created.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Riverside Co-op', version: created.version }),
    });

    await form.getByLabel('Name').fill('Riverside Food Co-operative Ltd');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('While you were editing, it was renamed to “Riverside Co-op”').waitFor();
    await screenshot(page, 'rename-conflict');

    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page
      .getByRole('table', { name: 'Organisations' })
      .getByText('Riverside Food Co-operative Ltd')
      .waitFor();
  });
});
