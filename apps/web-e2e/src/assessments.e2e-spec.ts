import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { apiAsBrowser, DEMO_OWNER, DEMO_PASSWORD, signInThroughThePage } from './support/session';

const describeWithBrowser = hasChromium ? describe : describe.skip;

const EXECUTIVE = 'tom.achebe@guild-booksellers.example';
const PROGRAM_MANAGER = 'owen.hughes@guild-booksellers.example';

describeWithBrowser('a leadership pulse in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'UTC',
    });
    page.setDefaultTimeout(10_000);
    await signInThroughThePage(page, product.baseUrl, email, DEMO_PASSWORD);
    return page;
  }

  async function answerPulse(page: Page, url: string, rating: number, evidence: string) {
    await page.goto(url);
    const question = page.getByRole('group', { name: /How effectively do you feel/ });
    await question.getByRole('radio', { name: new RegExp(`^${rating} `) }).check();
    await question.getByLabel(/^Evidence for:/).fill(evidence);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('you have submitted').waitFor();
  }

  it('collects three rated, evidenced answers, closes, and shows the results with a chart and a table', async () => {
    const owner = await signedIn(DEMO_OWNER);
    await owner.waitForURL(/\/organisations\/[0-9a-f-]{36}/);
    const orgId = /organisations\/([0-9a-f-]{36})/.exec(owner.url())![1]!;
    await apiAsBrowser(
      owner.context(),
      product.baseUrl,
      'POST',
      `/api/v1/organisations/${orgId}/cycles`,
      {
        name: 'FY2028 social strategy',
        startsOn: '2027-04-01',
        endsOn: '2028-03-31',
      },
    );

    await owner
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessments' })
      .click();
    const form = owner.getByRole('form', { name: 'Start an assessment' });
    await form.getByLabel('Cycle').click();
    await owner.getByRole('option', { name: 'FY2028 social strategy' }).click();
    await form.getByLabel('Template').click();
    await owner.getByRole('option', { name: 'Leadership pulse' }).click();
    await form.getByLabel('Title').fill('Leadership pulse, spring 2027');
    await form.getByRole('button', { name: 'Start' }).click();
    await owner.getByRole('heading', { name: 'Leadership pulse, spring 2027' }).waitFor();
    const url = owner.url();

    await answerPulse(owner, url, 4, 'Renewals from social referrals doubled this year');
    await screenshot(owner, 'pulse-answered');
    await answerPulse(await signedIn(EXECUTIVE), url, 3, 'Bookshop Day reach report');
    await answerPulse(
      await signedIn(PROGRAM_MANAGER),
      url,
      2,
      'Only 3 of 12 campaigns were measured',
    );

    await owner.reload();
    await owner.getByText('3 submitted').waitFor();
    await owner.getByRole('button', { name: 'Close assessment' }).click();
    await owner.getByText('closed', { exact: true }).waitFor();

    const results = owner.getByRole('region', { name: 'Results' });
    await results
      .getByText('Leaders believe 3.00; the evidence-backed answers support 3.00 (gap 0.00).')
      .waitFor();
    // (4 + 3 + 2) / 3 = 3: stage 1 + floor(2 / (2/3)) = 4.
    await results.getByText('4 · Formalized').waitFor();
    await results.getByText('100%').waitFor();
    await results.getByText('Ratings from 2 to 4').waitFor();
    expect(await results.locator('.recharts-surface').count()).toBeGreaterThan(0);
    await screenshot(owner, 'pulse-results');
    await results.getByRole('tab', { name: 'Table' }).click();
    await results
      .getByRole('table', { name: 'Scores by dimension' })
      .getByText('leadership pulse')
      .waitFor();
  });
});
