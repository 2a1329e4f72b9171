import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { apiAsBrowser, DEMO_OWNER, DEMO_PASSWORD, signInThroughThePage } from './support/session';

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
    // The demo owner, as the README tells a newcomer to sign in.
    page.setDefaultTimeout(10_000);
    await signInThroughThePage(page, product.baseUrl, DEMO_OWNER, DEMO_PASSWORD);
    page.setDefaultTimeout(10_000);
    policyViolations = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
  });
  afterEach(async () => {
    await page.context().close();
    // The API's content security policy must never stop the web app (or the API docs) working.
    expect(policyViolations).toEqual([]);
  });

  it('opens on the demo organisation with the six steps', async () => {
    await page.goto(product.baseUrl);
    await page.waitForURL('**/organisations/*');
    await page.getByRole('heading', { name: 'Guild of Independent Booksellers' }).waitFor();
    await page.getByText('You are owner here.').waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    // Each step numbered, then its status in the current cycle.
    const steps = ['Assess', 'Envision', 'Plan', 'Organise', 'Execute', 'Measure and adapt'];
    const stepLink = (index: number) =>
      navigation.getByRole('link', { name: new RegExp(`^${index + 1}\\s*${steps[index]}\\b`) });
    for (const index of steps.keys()) await stepLink(index).waitFor();
    await screenshot(page, 'organisation-overview');

    await stepLink(steps.indexOf('Organise')).click();
    await page.getByRole('heading', { name: 'Organise', exact: true }).waitFor();
    // The step's workspace holds the map itself (the nav names it too: look in the page).
    await page
      .getByRole('main')
      .getByRole('table', { name: 'Accountability map: people by initiatives' })
      .waitFor();
  });

  it('serves the API documentation under the same security policy', async () => {
    await page.goto(`${product.baseUrl}/api/docs`);
    await page.getByText('Return-on-Impact planner API').first().waitFor();
    // Every tag is listed, folded; unfolding one shows its operations.
    for (const tag of ['organisations', 'members', 'ledgers', 'roi', 'imports']) {
      await page.locator(`h3#operations-tag-${tag}`).waitFor();
    }
    await page.locator('h3#operations-tag-members').click();
    await page.getByText('/api/v1/organisations/{orgId}/members').first().waitFor();
    await page.locator('h3#operations-tag-organisations').click();
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

    // The new organisation opens, with its creator as owner, and joins the switcher.
    await page.getByRole('heading', { name: 'Harbour Credit Union' }).waitFor();
    await page.getByText('Member-owned savings and loans, Cork.').waitFor();
    await page.getByText('You are owner here.').waitFor();
    await page.goto(`${product.baseUrl}/organisations`);
    const table = page.getByRole('table', { name: 'Organisations' });
    await table.getByText('Harbour Credit Union').waitFor();
    await table.getByText('Guild of Independent Booksellers').waitFor();
    await screenshot(page, 'organisations');
  });

  it('shows a rename made meanwhile by someone else instead of overwriting it', async () => {
    const created = (await apiAsBrowser(
      page.context(),
      product.baseUrl,
      'POST',
      '/api/v1/organisations',
      {
        name: 'Riverside Food Co-operative',
      },
    )) as { id: string; version: number };

    await page.goto(`${product.baseUrl}/organisations/${created.id}/settings`);
    const form = page.getByRole('form', { name: 'Rename organisation' });
    await form.getByLabel('Name').waitFor();

    // A colleague renames it while this form is open.
    await apiAsBrowser(
      page.context(),
      product.baseUrl,
      'PATCH',
      `/api/v1/organisations/${created.id}`,
      {
        name: 'Riverside Co-op',
        version: created.version,
      },
    );

    await form.getByLabel('Name').fill('Riverside Food Co-operative Ltd');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('While you were editing, it was renamed to “Riverside Co-op”').waitFor();
    await screenshot(page, 'rename-conflict');

    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    // The switcher in the header shows the name that was saved.
    await page.waitForFunction(
      () =>
        (document.querySelector('input[aria-label="Organisation"]') as HTMLInputElement | null)
          ?.value === 'Riverside Food Co-operative Ltd',
    );
  });
});
