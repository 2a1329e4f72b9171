import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import {
  apiGetAs,
  DEMO_OWNER,
  DEMO_PASSWORD,
  openDemoAs,
  signInThroughThePage,
} from './support/session';
import { settledAfterResize, sidewaysOverflow } from './support/layout';

const describeWithBrowser = hasChromium ? describe : describe.skip;

/** The demo's program manager and board member (apps/api/src/modules/demo/demo-seed.ts). */
const DEMO_PROGRAM_MANAGER = 'owen.hughes@guild-booksellers.example';
const DEMO_BOARD_MEMBER = 'sarah.whitcombe@guild-booksellers.example';

type StepKey = 'assess' | 'envision' | 'plan' | 'organise' | 'execute' | 'measure';
interface Step {
  key: StepKey;
  number: number;
  name: string;
  status: 'not_started' | 'in_progress' | 'done';
  ownerName: string | null;
}
interface Cycle {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  steps: Step[];
}

const STATUS_LABEL = { not_started: 'Not started', in_progress: 'In progress', done: 'Signed off' };

describeWithBrowser('the six step workspaces and each role’s first page', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgId: string;
  let cycle: Cycle;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    ({ context, page, orgId } = await openDemoAs(browser, product.baseUrl, DEMO_OWNER));
    // The cycle the dashboard reports on is the current one, the workspaces' too.
    const dashboard = (await apiGet(`/api/v1/organisations/${orgId}/dashboard`)) as {
      cycle: { id: string };
    };
    cycle = (await apiGet(`/api/v1/organisations/${orgId}/cycles/${dashboard.cycle.id}`)) as Cycle;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The API as the signed-in owner's browser calls it. */
  const apiGet = (address: string) => apiGetAs(context, product.baseUrl, address);

  const stepOf = (key: StepKey) => cycle.steps.find((step) => step.key === key)!;

  /** Opens a step from the nav and checks its header against the API's roadmap. */
  async function openStep(key: StepKey) {
    const step = stepOf(key);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await navigation.locator(`a[data-step="${key}"]`).click();
    await page.waitForURL(`**/organisations/${orgId}/steps/${key}`);
    const header = page.getByRole('region', { name: `Step ${step.number} of 6: ${step.name}` });
    await header.getByRole('heading', { name: step.name, level: 2 }).waitFor();
    await header.getByText(cycle.name).waitFor();
    expect(await header.locator('[data-step-status]').innerText()).toBe(
      STATUS_LABEL[step.status].toUpperCase(),
    );
    expect(await header.locator('[data-step-owner]').innerText()).toContain(
      `Owner: ${step.ownerName}`,
    );
    return header;
  }

  /** The page at 1440 and at 390 px: pictures kept, nothing wider than a phone, no violation. */
  async function checkBothWidths(name: string, ready: () => Promise<unknown>) {
    await ready();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${name}-1440`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await ready();
      await settledAfterResize(page);
      await screenshot(page, `${name}-390`);
      const overflow = await sidewaysOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  }

  it('lists the six steps in the nav with where each stands in the current cycle', async () => {
    await page.goto(`${product.baseUrl}/organisations/${orgId}`);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const step of cycle.steps) {
      const link = navigation.locator(`a[data-step="${step.key}"]`);
      await link.getByText(STATUS_LABEL[step.status], { exact: true }).waitFor();
      expect(await link.innerText()).toContain(step.name);
    }
    // No placeholder anywhere in the workspaces' place.
    expect(await page.getByText(/on their way/).count()).toBe(0);
  }, 60_000);

  it('opens Assess on the cycle’s assessments, findings, maturity and baseline', async () => {
    await openStep('assess');
    const assessments = (await apiGet(`/api/v1/organisations/${orgId}/assessments`)) as {
      cycleId: string;
      title: string;
    }[];
    const ofCycle = assessments.filter((assessment) => assessment.cycleId === cycle.id);
    expect(ofCycle.length).toBeGreaterThan(0);
    const list = page.getByRole('region', { name: 'Assessments in this cycle' });
    for (const assessment of ofCycle)
      await list.getByRole('link', { name: assessment.title }).waitFor();
    await checkBothWidths('step-assess', () =>
      page
        .getByRole('region', { name: 'Maturity against the previous cycle' })
        .locator('[data-figure="Maturity stage"]')
        .waitFor(),
    );
  }, 120_000);

  it('opens Envision on the business outcomes with their owners and the purpose', async () => {
    await openStep('envision');
    const map = (await apiGet(`/api/v1/organisations/${orgId}/strategy-map`)) as {
      outcomes: { title: string; ownerName: string }[];
    };
    const outcomes = page.getByRole('region', { name: 'Business outcomes' });
    for (const outcome of map.outcomes) {
      const card = outcomes.getByRole('article', { name: outcome.title });
      await card.getByText(`Owner: ${outcome.ownerName}`).waitFor();
    }
    await checkBothWidths('step-envision', () =>
      page.getByRole('region', { name: 'Purpose' }).locator('p').first().waitFor(),
    );
  }, 120_000);

  it('opens Plan on the map, KPIs, initiatives, budget and the approved version', async () => {
    await openStep('plan');
    const versions = (await apiGet(`/api/v1/organisations/${orgId}/plan-versions`)) as {
      number: number;
      status: string;
    }[];
    const approved = versions.find((version) => version.status === 'approved')!;
    const list = page.getByRole('region', { name: 'Plan versions' });
    const line = list.locator(`[data-plan-version="${approved.number}"]`);
    await line.getByText('Approved', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Initiatives and experiments' })
      .locator('[data-figure="Budget"]')
      .waitFor();
    await checkBothWidths('step-plan', () =>
      page.getByRole('region', { name: 'KPIs' }).getByRole('article').first().waitFor(),
    );
  }, 120_000);

  it('opens Organise on the accountability map', async () => {
    await openStep('organise');
    const grid = page.getByRole('table', { name: 'Accountability map: people by initiatives' });
    await grid.waitFor();
    await checkBothWidths('step-organise', () =>
      page.getByRole('region', { name: 'Accountability map' }).waitFor(),
    );
  }, 120_000);

  it('opens Execute on the milestones needing attention and the latest check-ins', async () => {
    await openStep('execute');
    const atRisk = (await apiGet(`/api/v1/organisations/${orgId}/milestones/views/at-risk`)) as {
      title: string;
    }[];
    const attention = page.getByRole('region', { name: 'Milestones needing attention' });
    if (atRisk.length === 0)
      await attention.getByText('No milestone is overdue or at risk.').waitFor();
    else await attention.getByRole('button', { name: atRisk[0]!.title }).waitFor();
    await page
      .getByRole('region', { name: 'Due in the next 14 days' })
      .getByRole('link', { name: 'Timeline and burn-up' })
      .waitFor();
    await checkBothWidths('step-execute', () =>
      page
        .getByRole('region', { name: 'Recent check-ins' })
        .getByRole('listitem')
        .first()
        .waitFor(),
    );
  }, 120_000);

  it('opens Measure and adapt on ROI to date, reallocation, board packs and the learning log', async () => {
    await openStep('measure');
    const packs = (await apiGet(`/api/v1/organisations/${orgId}/board-packs`)) as {
      cycleId: string;
      title: string;
    }[];
    const ofCycle = packs.filter((pack) => pack.cycleId === cycle.id);
    const region = page.getByRole('region', { name: 'Board packs' });
    for (const pack of ofCycle) await region.getByRole('link', { name: pack.title }).waitFor();
    await page.getByRole('region', { name: 'Reallocation' }).waitFor();
    await page.getByRole('region', { name: 'Learning log' }).waitFor();
    await checkBothWidths('step-measure', () =>
      page.getByRole('region', { name: 'ROI to date' }).locator('[data-figure="ROI"]').waitFor(),
    );
  }, 120_000);

  it('lands the program manager on their own milestones', async () => {
    const own = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    try {
      const manager = await own.newPage();
      manager.setDefaultTimeout(15_000);
      await signInThroughThePage(manager, product.baseUrl, DEMO_PROGRAM_MANAGER, DEMO_PASSWORD);
      await manager.waitForURL(`**/organisations/${orgId}/execution?view=mine`);
      await manager.getByRole('tab', { name: 'My milestones', selected: true }).waitFor();
      const mine = (await (
        await own.request.get(
          `${product.baseUrl}/api/v1/organisations/${orgId}/milestones/views/mine`,
        )
      ).json()) as { title: string }[];
      expect(mine.length).toBeGreaterThan(0);
      const table = manager.getByRole('table', { name: 'Milestones' });
      await table.getByRole('button', { name: mine[0]!.title }).waitFor();
      // The pointer rests where "Sign in" was, over a row of the table: the page is checked at rest.
      await manager.mouse.move(0, 0);
      await screenshot(manager, 'landing-program-manager-1440');
      expect(await seriousViolations(manager)).toEqual([]);

      // Opening the organisation lands there too; the nav's Dashboard still opens the dashboard.
      await manager.goto(`${product.baseUrl}/organisations/${orgId}`);
      await manager.waitForURL(`**/organisations/${orgId}/execution?view=mine`);
      await manager
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Dashboard', exact: true })
        .click();
      await manager.getByRole('region', { name: 'ROI to date' }).waitFor();
      expect(new URL(manager.url()).pathname).toBe(`/organisations/${orgId}`);

      // A reload keeps the dashboard asked for; the product's own start page leads back.
      await manager.reload();
      await manager.getByRole('region', { name: 'ROI to date' }).waitFor();
      await manager.setViewportSize({ width: 390, height: 844 });
      await manager.goto(`${product.baseUrl}/`);
      await manager.waitForURL(`**/execution?view=mine`);
      await manager.getByRole('tab', { name: 'My milestones', selected: true }).waitFor();
      await settledAfterResize(manager);
      await screenshot(manager, 'landing-program-manager-390');
    } finally {
      await own.close();
    }
  }, 120_000);

  it('lands the board member on the board packs, to read', async () => {
    const own = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    try {
      const member = await own.newPage();
      member.setDefaultTimeout(15_000);
      await signInThroughThePage(member, product.baseUrl, DEMO_BOARD_MEMBER, DEMO_PASSWORD);
      await member.waitForURL(`**/organisations/${orgId}/board-packs`);
      await member.getByRole('table', { name: 'Board packs' }).waitFor();
      await member.mouse.move(0, 0);
      await screenshot(member, 'landing-board-member-1440');
      expect(await seriousViolations(member)).toEqual([]);

      await member.goto(`${product.baseUrl}/organisations/${orgId}`);
      await member.waitForURL(`**/organisations/${orgId}/board-packs`);
      // A board member reads a step, and may change nothing in it.
      await member.goto(`${product.baseUrl}/organisations/${orgId}/steps/plan`);
      const header = member.getByRole('region', { name: 'Step 3 of 6: Plan' });
      await header.getByRole('heading', { name: 'Plan', level: 2 }).waitFor();
      expect(await header.getByRole('button').count()).toBe(0);
      for (const box of await header.getByRole('checkbox').all())
        expect(await box.isDisabled()).toBe(true);

      await member.setViewportSize({ width: 390, height: 844 });
      await member.goto(`${product.baseUrl}/organisations/${orgId}`);
      await member.waitForURL(`**/board-packs`);
      await member.getByRole('table', { name: 'Board packs' }).waitFor();
      await settledAfterResize(member);
      await screenshot(member, 'landing-board-member-390');
    } finally {
      await own.close();
    }
  }, 120_000);
});
