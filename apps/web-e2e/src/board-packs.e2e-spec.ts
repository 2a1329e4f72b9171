import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import {
  apiAsBrowser,
  apiGetAs,
  DEMO_OWNER,
  DEMO_PASSWORD,
  openDemoAs,
  organisationMoney,
  signInThroughThePage,
} from './support/session';
import { sidewaysOverflow } from './support/layout';

const describeWithBrowser = hasChromium ? describe : describe.skip;

/** The demo's board member (apps/api/src/modules/demo/demo-seed.ts). */
const DEMO_BOARD_MEMBER = 'sarah.whitcombe@guild-booksellers.example';

interface RoiFigures {
  cost: string;
  value: string;
  riskAdjustedValue: string;
  net: string;
  roi: string | null;
  riskAdjustedRoi: string | null;
}
interface PackKpi {
  code: string;
  status: 'on_track' | 'at_risk' | 'off_track' | 'no_data';
  progress: number | null;
  expected: number;
  miss: 'execution' | 'strategy' | 'unplanned' | null;
  answerable: { name: string }[];
}
interface Pack {
  id: string;
  cycleId: string;
  asOf: string;
  title: string;
  status: 'draft' | 'published';
  commentary: { summary: string; decisions: string };
  content: {
    organisation: { name: string; currency: string; locale: string };
    kpis: PackKpi[];
    roi: { totals: RoiFigures; groups: (RoiFigures & { key: string; label: string })[] };
  };
}

/** An ROI ratio with four decimals ("0.2345") as the product prints it ("23.45%"), by string. */
function percent(ratio: string | null): string {
  if (ratio === null) return 'n/a';
  const negative = ratio.startsWith('-');
  const [whole = '0', fraction = ''] = ratio.replace('-', '').split('.');
  const hundredths = BigInt(whole + fraction.padEnd(4, '0').slice(0, 4));
  const sign = negative && hundredths !== 0n ? '-' : '';
  return `${sign}${(hundredths / 100n).toLocaleString('en-GB')}.${(hundredths % 100n).toString().padStart(2, '0')}%`;
}

/** A KPI's progress as the KPI table prints it: a whole percentage. */
const share = (ratio: number | null) => (ratio === null ? 'n/a' : `${Math.round(ratio * 100)}%`);

const STATUS_LABEL = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};
const MISS_LABEL = { execution: 'Execution', strategy: 'Strategy', unplanned: 'Unplanned' };

describeWithBrowser('board packs: written, published, shared and read by the board', () => {
  let product: RunningProduct;
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  let orgId: string;
  let packId: string;
  let shareUrl: string;
  let money: (amount: string) => string;
  const title = `Board review, browser test ${Date.now().toString(36)}`;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    ({
      context: owner,
      page,
      orgId,
    } = await openDemoAs(browser, product.baseUrl, DEMO_OWNER, { bypassCSP: true }));
    const format = await organisationMoney(owner, product.baseUrl, orgId);
    money = (amount) => format.format(amount as Intl.StringNumericLiteral);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The API as the owner's browser calls it: the page's own cookies. */
  const apiGet = (address: string) => apiGetAs(owner, product.baseUrl, address);

  const packOf = (id: string) =>
    apiGet(`/api/v1/organisations/${orgId}/board-packs/${id}`) as Promise<Pack>;

  it('starts a pack in the page, writes its commentary and publishes it', async () => {
    await page.goto(`${product.baseUrl}/organisations/${orgId}`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Board packs' })
      .click();
    const form = page.getByRole('form', { name: 'New board pack' });
    // The cycle and the as-of date start filled in: the running cycle, today within it.
    await page.waitForFunction(
      () =>
        (
          document.querySelector(
            'form[aria-label="New board pack"] input[type=date]',
          ) as HTMLInputElement | null
        )?.value.length === 10,
    );
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('button', { name: 'Start draft' }).click();

    await page.waitForURL(/\/board-packs\/[0-9a-f-]{36}$/);
    packId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText(/^Draft: live figures as of .+; publishing freezes them\.$/).waitFor();

    const summary = page.getByRole('form', { name: 'Executive summary' });
    await summary
      .getByRole('textbox', { name: /Executive summary/ })
      .fill('Value is ahead of cost.\nThe Circle needs organisers.');
    const decisions = page.getByRole('form', { name: 'Decisions requested' });
    await decisions
      .getByRole('textbox', { name: /Decisions requested/ })
      .fill('Approve a budget for regional meet-ups.');
    await decisions.getByRole('button', { name: 'Save commentary' }).click();
    await page.getByText('Commentary saved').waitFor();
    expect((await packOf(packId)).commentary).toEqual({
      summary: 'Value is ahead of cost.\nThe Circle needs organisers.',
      decisions: 'Approve a budget for regional meet-ups.',
    });

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this pack?' });
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Publish for good' }).click();
    await page
      .getByText(/^Published .+ by Maeve Lonergan, Chief Executive — figures frozen$/)
      .waitFor();
    expect((await packOf(packId)).status).toBe('published');
    // The exports are plain links to the API.
    expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
      `/api/v1/organisations/${orgId}/board-packs/${packId}/pack.pdf`,
    );
  }, 90_000);

  it("shows the published pack's KPI and ROI figures exactly as the API holds them", async () => {
    const pack = await packOf(packId);
    const { roi, kpis } = pack.content;

    const totals = page.getByRole('region', { name: 'ROI to date' });
    const figure = (label: string) => totals.locator(`[data-figure="${label}"]`).innerText();
    expect(await figure('ROI')).toContain(percent(roi.totals.roi));
    expect(await figure('Risk-adjusted ROI')).toContain(percent(roi.totals.riskAdjustedRoi));
    expect(await figure('Cost')).toContain(money(roi.totals.cost));
    expect(await figure('Value')).toContain(money(roi.totals.value));

    const byInitiative = page.getByRole('region', { name: 'ROI by initiative' });
    await byInitiative.getByRole('tab', { name: 'Table' }).click();
    const table = byInitiative.getByRole('table', { name: 'ROI by initiative' });
    await table.waitFor();
    expect(roi.groups.length).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(roi.groups.length);
    for (const group of roi.groups) {
      const cells = (await table.locator(`tr[data-key="${group.key}"] td`).allInnerTexts()).map(
        (text) => text.trim(),
      );
      expect(cells.slice(1)).toEqual([
        money(group.cost),
        money(group.value),
        money(group.riskAdjustedValue),
        money(group.net),
        percent(group.roi),
        percent(group.riskAdjustedRoi),
      ]);
    }
    await byInitiative.getByRole('tab', { name: 'Chart' }).click();

    const kpiTable = page.getByRole('table', { name: 'KPIs against targets' });
    expect(kpis.length).toBeGreaterThan(0);
    expect(await kpiTable.locator('tbody tr').count()).toBe(kpis.length);
    for (const kpi of kpis) {
      const cells = kpiTable.locator(`tr[data-kpi="${kpi.code}"] td`);
      expect(await cells.nth(1).innerText()).toMatch(new RegExp(STATUS_LABEL[kpi.status], 'i'));
      expect(await cells.nth(2).innerText()).toContain(
        `${share(kpi.progress)} of ${share(kpi.expected)} expected`,
      );
      const miss = (await cells.nth(3).innerText()).trim();
      if (kpi.miss) expect(miss).toMatch(new RegExp(MISS_LABEL[kpi.miss], 'i'));
      else expect(miss).toBe('—');
      for (const person of kpi.answerable) {
        expect(await cells.nth(4).innerText()).toContain(person.name);
      }
    }
  }, 60_000);

  it('reads at 1440 px and at 390 px, without serious accessibility violations', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'board-pack-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: title }).waitFor();
    await screenshot(page, 'board-pack-390');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it('shares the pack by a link that opens without signing in, until it is revoked', async () => {
    const links = page.getByRole('region', { name: 'Share links' });
    await links.getByRole('textbox', { name: 'Expires in (days)' }).fill('7');
    await links.getByRole('button', { name: 'Create link' }).click();
    const shown = links.getByRole('textbox', { name: 'New share link' });
    await shown.waitFor();
    shareUrl = await shown.inputValue();
    expect(shareUrl).toMatch(/\/shared\/board-packs\/[^/]+$/);
    await links.getByRole('button', { name: 'Copy link' }).waitFor();
    await screenshot(page, 'board-pack-share-link');

    // Someone with no account and no session: a browser context of its own.
    const stranger = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
      // axe-core is injected as a script, which the product's Content-Security-Policy refuses.
      bypassCSP: true,
    });
    const reader = await stranger.newPage();
    reader.setDefaultTimeout(15_000);
    await reader.goto(shareUrl);
    const pack = await packOf(packId);
    await reader.getByRole('heading', { name: title, level: 1 }).waitFor();
    await reader.getByText(`${pack.content.organisation.name} · board pack`).waitFor();
    const roiFigure = reader
      .getByRole('region', { name: 'ROI to date' })
      .locator('[data-figure="ROI"]');
    expect(await roiFigure.innerText()).toContain(percent(pack.content.roi.totals.roi));
    expect(await reader.getByText('Value is ahead of cost.', { exact: false }).count()).toBe(1);
    expect(await seriousViolations(reader)).toEqual([]);
    await screenshot(reader, 'board-pack-shared-1440');
    await reader.setViewportSize({ width: 390, height: 844 });
    await reader.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await sidewaysOverflow(reader)).toBeLessThanOrEqual(0);
    await screenshot(reader, 'board-pack-shared-390');

    // The owner sees it opened, then revokes it.
    await page.reload();
    const row = page.getByRole('table', { name: 'Share links of this pack' }).locator('tbody tr');
    await row.getByText('1 time', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^Revoke/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this link?' });
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await page.locator('tbody tr[data-state="revoked"]').waitFor();

    await reader.reload();
    await reader.getByText('This link does not exist or has been revoked.').waitFor();
    await screenshot(reader, 'board-pack-shared-revoked');
    const token = shareUrl.split('/').pop() as string;
    const answer = await stranger.request.get(
      `${product.baseUrl}/api/v1/shared/board-packs/${token}`,
    );
    expect(answer.status()).toBe(404);
    await stranger.close();
  }, 90_000);

  it('lands a board member on the published packs, with no draft and nothing to manage', async () => {
    // A draft the board must not see.
    const published = await packOf(packId);
    const draft = (await apiAsBrowser(
      owner,
      product.baseUrl,
      'POST',
      `/api/v1/organisations/${orgId}/board-packs`,
      {
        cycleId: published.cycleId,
        title: 'Unpublished draft for the browser test',
        asOf: published.asOf,
      },
    )) as { id: string };

    const board = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
      // axe-core is injected as a script, which the product's Content-Security-Policy refuses.
      bypassCSP: true,
    });
    const member = await board.newPage();
    member.setDefaultTimeout(15_000);
    await signInThroughThePage(member, product.baseUrl, DEMO_BOARD_MEMBER, DEMO_PASSWORD);
    await member.waitForURL(`${product.baseUrl}/organisations/${orgId}/board-packs`);
    const list = member.getByRole('table', { name: 'Board packs' });
    await list.getByRole('link', { name: title }).waitFor();
    expect(await list.getByText('Unpublished draft for the browser test').count()).toBe(0);
    expect(await list.getByText('Draft', { exact: true }).count()).toBe(0);
    expect(await member.getByRole('form', { name: 'New board pack' }).count()).toBe(0);
    const nav = member.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Board packs' }).waitFor();
    await nav.getByRole('link', { name: /dashboard/i }).waitFor();
    await screenshot(member, 'board-packs-board-member');

    await list.getByRole('link', { name: title }).click();
    await member.getByText(/— figures frozen$/).waitFor();
    expect(await member.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    expect(await member.getByRole('region', { name: 'Share links' }).count()).toBe(0);
    expect(await member.getByRole('textbox').count()).toBe(0);
    // The draft answers a board member as a missing pack does.
    const hidden = await board.request.get(
      `${product.baseUrl}/api/v1/organisations/${orgId}/board-packs/${draft.id}`,
    );
    expect(hidden.status()).toBe(404);
    await board.close();
  }, 90_000);
});
