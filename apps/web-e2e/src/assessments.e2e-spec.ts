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

  /** The shell's header is fixed: a full-page picture taken scrolled down draws it mid-page. */
  async function screenshotFromTop(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
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
    // The cycle was made behind the page's back (through the API): the page reads it afresh
    // rather than from the cycles its first view already holds (fresh for 30 s by design).
    await owner.reload();

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
    await owner.getByText('3 submitted · you have submitted').waitFor();
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
    const scores = results.getByRole('region', { name: 'Scores' });
    await scores.getByRole('tab', { name: 'Table' }).click();
    await scores
      .getByRole('table', { name: 'Scores by dimension' })
      .getByText('leadership pulse')
      .waitFor();

    // The pulse requires evidence for its rating, so all three answers carry it.
    const coverage = results.getByRole('region', { name: 'Evidence coverage' });
    expect(await coverage.locator('.recharts-surface').count()).toBeGreaterThan(0);
    await coverage.getByRole('tab', { name: 'Table' }).click();
    const coverageRow = coverage
      .getByRole('table', { name: 'Evidence coverage by dimension' })
      .getByRole('row', { name: /leadership pulse/ });
    await coverageRow.waitFor();
    expect(await coverageRow.getByRole('cell').allInnerTexts()).toEqual([
      'leadership pulse',
      '3',
      '3',
      '0',
      '100%',
    ]);

    const findings = owner.getByRole('region', { name: 'Findings' });
    await findings.getByText('No finding yet').waitFor();
    await findings.getByRole('button', { name: 'Record a finding' }).click();
    const findingForm = findings.getByRole('form', { name: 'Record a finding' });
    await findingForm.getByLabel('Title').fill('Most campaigns go unmeasured');
    await findingForm.getByRole('radio', { name: 'High' }).check();
    await findingForm.getByLabel('Dimension').click();
    await owner.getByRole('option', { name: 'leadership pulse' }).click();
    await findingForm
      .getByLabel('What the answers show')
      .fill('The lowest rating rests on the measurement record: a quarter of campaigns measured.');
    await findingForm.getByRole('checkbox', { name: /^Owen Hughes/ }).check();
    await screenshotFromTop(owner, 'finding-form');
    await findingForm.getByRole('button', { name: 'Record finding' }).click();

    const finding = findings.getByRole('article', { name: 'Most campaigns go unmeasured' });
    await finding.getByText('high', { exact: true }).waitFor();
    const cited = finding.getByRole('list', { name: 'Cited answers' }).getByRole('listitem');
    expect(await cited.count()).toBe(1);
    await cited
      .getByText(/^Owen Hughes, Programme Manager · How effectively do you feel/)
      .waitFor();
    await cited.getByText(/^2 of 5/).waitFor();
    await cited.getByText('Evidence: Only 3 of 12 campaigns were measured').waitFor();
    expect(await findings.getByRole('form', { name: 'Record a finding' }).count()).toBe(0);
    await screenshotFromTop(owner, 'pulse-results-and-findings');
  });

  it("shows a maturity assessment on a radar against the previous cycle's, with the comparison as a table", async () => {
    const owner = await signedIn(DEMO_OWNER);
    await owner.waitForURL(/\/organisations\/[0-9a-f-]{36}/);
    const orgId = /organisations\/([0-9a-f-]{36})/.exec(owner.url())![1]!;
    const base = `/api/v1/organisations/${orgId}`;
    const post = (path: string, body: unknown = {}) =>
      apiAsBrowser(owner.context(), product.baseUrl, 'POST', `${base}${path}`, body) as Promise<{
        id: string;
      }>;
    const templates = (await (
      await owner.context().request.get(`${product.baseUrl}${base}/assessment-templates`)
    ).json()) as { id: string; key: string; questions: { id: string; kind: string }[] }[];
    const maturity = templates.find((template) => template.key === 'maturity')!;
    const rateAll = async (assessmentId: string, rating: number) => {
      const answers = maturity.questions
        .filter((question) => question.kind === 'scale')
        .map((question) => ({ questionId: question.id, value: rating }));
      const response = await owner
        .context()
        .request.put(`${product.baseUrl}${base}/assessments/${assessmentId}/my-response`, {
          headers: {
            'Content-Type': 'application/json',
            'X-CSRF-Token':
              (await owner.context().cookies(product.baseUrl)).find(
                (cookie) => cookie.name === 'csrf_token',
              )?.value ?? '',
          },
          data: JSON.stringify({ answers }),
        });
      expect(response.status()).toBe(200);
      await post(`/assessments/${assessmentId}/my-response/submit`);
    };
    const earlierCycle = await post('/cycles', {
      name: 'FY2029 social strategy',
      startsOn: '2029-04-01',
      endsOn: '2030-03-31',
    });
    const laterCycle = await post('/cycles', {
      name: 'FY2030 social strategy',
      startsOn: '2030-04-01',
      endsOn: '2031-03-31',
    });
    const earlier = await post('/assessments', {
      cycleId: earlierCycle.id,
      templateId: maturity.id,
      title: 'Maturity FY2029',
    });
    await rateAll(earlier.id, 2);
    await post(`/assessments/${earlier.id}/close`);
    const later = await post('/assessments', {
      cycleId: laterCycle.id,
      templateId: maturity.id,
      title: 'Maturity FY2030',
    });
    await rateAll(later.id, 4);

    await owner.goto(`${product.baseUrl}/organisations/${orgId}/assessments/${later.id}`);
    const scores = owner.getByRole('region', { name: 'Scores' });
    // Two shapes on the radar: this cycle's and the previous one's.
    await scores.locator('.recharts-radar').nth(1).waitFor();
    await scores.getByText('FY2029 social strategy').first().waitFor();
    await screenshotFromTop(owner, 'maturity-radar-against-previous');
    await scores.getByRole('tab', { name: 'Table' }).click();
    const table = scores.getByRole('table', { name: 'Scores by dimension' });
    await table.getByRole('columnheader', { name: 'Previous (FY2029 social strategy)' }).waitFor();
    const row = table.getByRole('row', { name: /leadership commitment/ });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['leadership commitment', '4.00', '2.00', '+2.00']),
    );
  });
});
