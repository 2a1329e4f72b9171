import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { DEMO_OWNER, DEMO_PASSWORD, signInThroughThePage } from './support/session';

const describeWithBrowser = hasChromium ? describe : describe.skip;

const EXECUTIVE = 'tom.achebe@guild-booksellers.example';

/** A date `days` from today, as the date inputs take it (the pages run in UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const OUTCOME = 'Win back lapsed members';
const OBJECTIVE = 'Reply to every lapsed member within a week';
const THEIR_TITLE = 'Reply to every lapsed member within 48 hours';
const MY_TITLE = 'Reply to every lapsed member within three days';

describeWithBrowser('the guiding plan and its execution in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let owner: Page;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    owner = await signedIn(DEMO_OWNER);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** Each person signs in in a browser context of their own: their own session and cookies. */
  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
      timezoneId: 'UTC',
    });
    page.setDefaultTimeout(10_000);
    await signInThroughThePage(page, product.baseUrl, email, DEMO_PASSWORD);
    return page;
  }

  /** Confirmations fade after a few seconds; pictures are taken once they have. */
  async function withoutNotifications(page: Page) {
    await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'));
  }

  /** The shell's header is fixed: a full-page picture taken scrolled down draws it mid-page. */
  async function screenshotFromTop(page: Page, name: string) {
    await withoutNotifications(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
  }

  /** A dialog over a drawer is fixed to the window: the picture is of the window, as seen. */
  async function screenshotOfWindow(page: Page, name: string) {
    const directory = path.resolve(__dirname, '../../../tmp/screenshots');
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: path.join(directory, `${name}.png`) });
  }

  async function choose(page: Page, field: Locator, option: RegExp | string) {
    await field.click();
    await page.getByRole('option', { name: option }).first().click();
  }

  async function openStrategyMap(page: Page) {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Strategy map' })
      .click();
    await page.getByRole('heading', { name: 'Strategy map' }).waitFor();
    // The page hears other people's changes once its live connection is open.
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
  }

  async function addKpi(
    page: Page,
    values: { code: string; name: string; unit: string; baseline: string; target: string },
    decrease = false,
  ) {
    await page.getByRole('button', { name: `Add a KPI to ${OBJECTIVE}` }).click();
    const form = page.getByRole('form', { name: 'New KPI' });
    await form.getByLabel('Code').fill(values.code);
    await form.getByLabel(/^Name/).fill(values.name);
    await form.getByLabel('Unit').fill(values.unit);
    if (decrease) await form.getByText('Decrease', { exact: true }).click();
    await form.getByLabel('Baseline value').fill(values.baseline);
    await form.getByLabel('Baseline date').fill(day(-60));
    await form.getByLabel('Target value').fill(values.target);
    await form.getByLabel('Target date').fill(day(300));
    await form.getByRole('button', { name: 'Add KPI' }).click();
    await page.getByRole('article', { name: `KPI ${values.code}: ${values.name}` }).waitFor();
  }

  async function addMilestone(page: Page, title: string, due: string, dependsOn?: string) {
    await page.getByRole('button', { name: 'Add a milestone to E2E-CALL' }).first().click();
    const form = page.getByRole('form', { name: 'New milestone' });
    await form.getByLabel('Milestone').fill(title);
    await choose(page, form.getByLabel('Owner'), /Owen Hughes/);
    await form.getByLabel('Due date').fill(due);
    if (dependsOn) {
      await choose(page, form.getByLabel('Depends on'), dependsOn);
      // A multi-select stays open for more choices; moving on closes it.
      await page.keyboard.press('Tab');
    }
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await form.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: new RegExp(`^${title}\\b.*, milestone `) })
      .first()
      .waitFor();
  }

  async function checkIn(
    page: Page,
    title: string,
    steps: number,
    confidence: string,
    note: string,
  ) {
    await page
      .getByRole('button', { name: new RegExp(`^${title}\\b.*, milestone `) })
      .first()
      .click();
    const drawer = page.getByRole('dialog', { name: 'Milestone' });
    const form = drawer.getByRole('form', { name: 'Check in' });
    await form.getByRole('slider').focus();
    for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight');
    await form.getByText(confidence, { exact: true }).click();
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Record check-in' }).click();
    await drawer.getByRole('list', { name: 'Check-ins' }).getByText(note).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  }

  it('builds a small plan through the pages, checks in on milestones and shows the timeline and a KPI chart', async () => {
    await openStrategyMap(owner);

    await owner.getByRole('button', { name: 'Add outcome' }).click();
    const outcomeForm = owner.getByRole('form', { name: 'New outcome' });
    await outcomeForm.getByLabel('Business outcome').fill(OUTCOME);
    await choose(owner, outcomeForm.getByLabel('Kind'), 'Retention');
    await choose(owner, outcomeForm.getByLabel('Owner'), /Tom Achebe/);
    await outcomeForm.getByRole('button', { name: 'Add outcome' }).click();
    const outcome = owner.getByRole('region', { name: `Outcome: ${OUTCOME}` });
    await outcome.waitFor();

    await outcome.getByRole('button', { name: `Add an objective to ${OUTCOME}` }).click();
    const objectiveForm = owner.getByRole('form', { name: 'New objective' });
    await objectiveForm.getByLabel('Objective').fill(OBJECTIVE);
    await objectiveForm.getByRole('button', { name: 'Add objective' }).click();
    await owner.getByRole('region', { name: `Objective: ${OBJECTIVE}` }).waitFor();

    await addKpi(owner, {
      code: 'E2E-WIN',
      name: 'Lapsed members won back',
      unit: 'members',
      baseline: '10',
      target: '100',
    });
    await addKpi(
      owner,
      { code: 'E2E-CHURN', name: 'Monthly churn', unit: '%', baseline: '5', target: '3' },
      true,
    );

    await owner.getByRole('button', { name: `Add an initiative to ${OBJECTIVE}` }).click();
    const initiativeForm = owner.getByRole('form', { name: 'New initiative' });
    await initiativeForm.getByLabel('Code').fill('E2E-CALL');
    await initiativeForm.getByLabel(/^Name/).fill('Call every lapsed member');
    await choose(owner, initiativeForm.getByLabel('Accountable (strategy)'), /Tom Achebe/);
    await choose(owner, initiativeForm.getByLabel('Responsible (execution)'), /Lena Fischer/);
    await initiativeForm.getByLabel(/^Budget/).fill('2500.00');
    await initiativeForm.getByLabel('Starts on').fill(day(-30));
    await initiativeForm.getByLabel('Ends on').fill(day(120));
    await initiativeForm.getByRole('button', { name: 'Add initiative' }).click();
    const initiative = owner.getByRole('article', {
      name: 'Initiative E2E-CALL: Call every lapsed member',
    });
    await initiative.waitFor();
    await initiative.getByText(/Accountable\s+Tom Achebe/).waitFor();

    await addMilestone(owner, 'Call list drawn up', day(7));
    await addMilestone(owner, 'First hundred calls made', day(30), 'Call list drawn up');
    await addMilestone(owner, 'Lessons shared with the board', day(60));

    await checkIn(owner, 'Call list drawn up', 16, 'High', 'List exported from the CRM');
    await checkIn(owner, 'First hundred calls made', 2, 'Low', 'Only two callers this month');
    await initiative
      .getByRole('button', { name: /^Call list drawn up\b.*, milestone In progress,/ })
      .waitFor();
    await screenshotFromTop(owner, 'plan-map');

    await owner.getByRole('link', { name: 'Strategy on a page' }).click();
    const sheet = owner.getByRole('article', { name: 'Strategy on a page' });
    await sheet.getByText(OUTCOME).waitFor();
    await withoutNotifications(owner);
    await owner.emulateMedia({ media: 'print' });
    expect(await owner.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(
      false,
    );
    await screenshot(owner, 'plan-print');
    await owner.emulateMedia({ media: 'screen' });

    await openStrategyMap(owner);
    await owner.getByRole('link', { name: /Lapsed members won back/ }).click();
    await owner.getByRole('heading', { name: /Lapsed members won back/ }).waitFor();
    const measurement = owner.getByRole('form', { name: 'Record a measurement' });
    await measurement.getByLabel(/^Value/).fill('31');
    await measurement.getByLabel('Note').fill('First call round');
    await measurement.getByRole('button', { name: 'Record' }).click();
    await owner
      .getByRole('table', { name: 'Measurements' })
      .getByText('First call round')
      .waitFor();
    await owner.getByRole('region', { name: 'Figures' }).getByText('31 members').waitFor();
    await owner.getByRole('img', { name: /Lapsed members won back: expected path/ }).waitFor();
    await screenshotFromTop(owner, 'plan-kpi-chart');

    await owner
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Timeline and burn-up' })
      .click();
    const timeline = owner.getByRole('group', { name: /^Timeline from/ });
    await timeline.waitFor();
    await timeline
      .getByRole('button', { name: /^First hundred calls made: In progress, at risk/ })
      .waitFor();
    await owner
      .getByRole('listitem')
      .filter({ hasText: 'E2E-CALL: Call list drawn up → E2E-CALL: First hundred calls made' })
      .waitFor();
    await screenshotFromTop(owner, 'plan-timeline');
  }, 240_000);

  it('shows a colleague’s change as it arrives and never saves over it silently', async () => {
    const colleague = await signedIn(EXECUTIVE);
    await openStrategyMap(colleague);
    await openStrategyMap(owner);

    // The colleague starts editing the objective...
    await colleague.getByRole('button', { name: `Edit objective ${OBJECTIVE}` }).click();
    const theirForm = colleague.getByRole('form', { name: 'Edit objective' });
    await theirForm.getByLabel('Objective').fill(MY_TITLE);

    // ...while the owner renames it and saves.
    await owner.getByRole('button', { name: `Edit objective ${OBJECTIVE}` }).click();
    const ownerForm = owner.getByRole('form', { name: 'Edit objective' });
    await ownerForm.getByLabel('Objective').fill(THEIR_TITLE);
    await ownerForm.getByRole('button', { name: 'Save objective' }).click();
    await owner.getByRole('region', { name: `Objective: ${THEIR_TITLE}` }).waitFor();

    // The change reaches the colleague's page without a reload: the map behind the form, and a
    // notice in the form itself.
    await colleague.getByRole('region', { name: `Objective: ${THEIR_TITLE}` }).waitFor();
    await theirForm.getByText('Changed while you were editing').waitFor();
    // The live event names who saved it.
    await theirForm
      .getByText(/^Maeve Lonergan, Chief Executive just saved a newer version/)
      .waitFor();
    expect(await theirForm.getByLabel('Objective').inputValue()).toBe(MY_TITLE);

    // Saving the stale edit shows both versions instead of overwriting.
    await theirForm.getByRole('button', { name: 'Save objective' }).click();
    const conflict = colleague.getByRole('dialog', {
      name: 'This objective changed while you were editing',
    });
    await conflict.waitFor();
    const comparison = conflict.getByRole('table', { name: 'Their version and yours' });
    await comparison.getByText(THEIR_TITLE).waitFor();
    await comparison.getByText(MY_TITLE).waitFor();
    // The dialog fades in: the picture waits until it is fully drawn over the drawer.
    await colleague.waitForFunction(() =>
      [...document.querySelectorAll('.mantine-Modal-content')].every(
        (element) => getComputedStyle(element).opacity === '1',
      ),
    );
    await screenshotOfWindow(colleague, 'plan-conflict');

    // Re-applying puts the colleague's change on top of the owner's, knowingly.
    await conflict.getByRole('button', { name: 'Re-apply my changes on theirs' }).click();
    await theirForm.getByRole('button', { name: 'Save objective' }).click();
    await theirForm.waitFor({ state: 'detached' });
    await owner.getByRole('region', { name: `Objective: ${MY_TITLE}` }).waitFor();
    await colleague.close();
  }, 120_000);
});
