import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import {
  apiAsBrowser,
  apiGetAs,
  DEMO_OWNER,
  openDemoAs,
  organisationMoney,
} from './support/session';
import { sidewaysOverflow } from './support/layout';

const describeWithBrowser = hasChromium ? describe : describe.skip;

interface RoiFigures {
  cost: string;
  value: string;
  riskAdjustedValue: string;
  net: string;
  roi: string | null;
  riskAdjustedRoi: string | null;
}
interface Dashboard {
  asOf: string;
  cycle: { id: string; name: string };
  kpis: {
    onTrack: number;
    atRisk: number;
    offTrack: number;
    noData: number;
    attention: { code: string; miss: 'strategy' | 'execution' | 'unplanned' | null }[];
  };
  roi: {
    totals: RoiFigures;
    intervals: (RoiFigures & { from: string; to: string })[];
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

const MISS_LABEL = { strategy: 'Strategy', execution: 'Execution', unplanned: 'Unplanned' };

describeWithBrowser('Executive dashboard and portfolio against the API', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgId: string;
  let money: Intl.NumberFormat;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    ({ context, page, orgId } = await openDemoAs(browser, product.baseUrl, DEMO_OWNER, {
      bypassCSP: true,
    }));
    money = await organisationMoney(context, product.baseUrl, orgId);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The API as the signed-in browser calls it: the page's own cookies. */
  const apiGet = (address: string) => apiGetAs(context, product.baseUrl, address);

  const format = (amount: string) => money.format(amount as Intl.StringNumericLiteral);

  it("opens the demo organisation on its dashboard with the API's figures", async () => {
    await page.goto(`${product.baseUrl}/organisations/${orgId}`);
    const roi = page.getByRole('region', { name: 'ROI to date' });
    await roi.locator('[data-figure="ROI"]').waitFor();
    const api = (await apiGet(`/api/v1/organisations/${orgId}/dashboard`)) as Dashboard;

    // The headline: ROI and risk-adjusted ROI to date, with cost, value and net.
    const figure = async (label: string) =>
      (await roi.locator(`[data-figure="${label}"]`).innerText()).split('\n').at(-1)?.trim();
    expect(await figure('ROI')).toBe(percent(api.roi.totals.roi));
    expect(await figure('Risk-adjusted ROI')).toBe(percent(api.roi.totals.riskAdjustedRoi));
    expect(await figure('Cost')).toBe(format(api.roi.totals.cost));
    expect(await figure('Value')).toBe(format(api.roi.totals.value));
    expect(await figure('Net return')).toBe(format(api.roi.totals.net));

    // The KPI counts, and each KPI needing attention with its miss attribution.
    const status = page.getByRole('region', { name: 'KPI status' });
    const count = async (key: string) =>
      Number((await status.locator(`[data-kpi-count="${key}"]`).innerText()).split('\n')[0]);
    expect([
      await count('on_track'),
      await count('at_risk'),
      await count('off_track'),
      await count('no_data'),
    ]).toEqual([api.kpis.onTrack, api.kpis.atRisk, api.kpis.offTrack, api.kpis.noData]);
    expect(api.kpis.attention.length).toBeGreaterThan(0);
    const attention = page.getByRole('table', { name: 'KPIs needing attention' });
    expect(await attention.locator('tbody tr').count()).toBe(api.kpis.attention.length);
    for (const kpi of api.kpis.attention) {
      const row = attention.locator(`tr[data-kpi="${kpi.code}"]`);
      if (kpi.miss)
        expect(await row.locator(`[data-miss="${kpi.miss}"]`).textContent()).toBe(
          MISS_LABEL[kpi.miss],
        );
    }

    // A chart's table view holds the API's figures, months written in full.
    const overTime = page.getByRole('region', { name: 'Cost against value by month' });
    await overTime.getByRole('img', { name: /value exceeded cost in/ }).waitFor();
    await overTime.getByRole('tab', { name: 'Table' }).click();
    const table = overTime.getByRole('table', { name: 'Cost against value by month' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(api.roi.intervals.length);
    for (const interval of api.roi.intervals) {
      const cells = (
        await table.locator(`tr[data-from="${interval.from}"] td`).allInnerTexts()
      ).map((text) => text.trim());
      expect(cells[0]).toMatch(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\n/);
      expect(cells.slice(1)).toEqual([
        format(interval.cost),
        format(interval.value),
        format(interval.riskAdjustedValue),
        format(interval.net),
        percent(interval.roi),
        percent(interval.riskAdjustedRoi),
      ]);
    }
    await overTime.getByRole('tab', { name: 'Chart' }).click();

    // The nav's first entry is this page; there is no second dashboard.
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.getByRole('link', { name: 'Dashboard', exact: true }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Executive dashboard' }).count()).toBe(0);
  }, 60_000);

  it('keeps the interval and the date in the address, and an older link lands here', async () => {
    await page.locator('label', { hasText: /^Quarter$/ }).click();
    await page.getByRole('region', { name: 'Cost against value by quarter' }).waitFor();
    expect(new URL(page.url()).searchParams.get('interval')).toBe('quarter');

    await page.goto(`${product.baseUrl}/organisations/${orgId}/dashboard?interval=quarter`);
    await page.getByRole('region', { name: 'Cost against value by quarter' }).waitFor();
    const address = new URL(page.url());
    expect(address.pathname).toBe(`/organisations/${orgId}`);
    expect(address.searchParams.get('interval')).toBe('quarter');

    await page.goto(`${product.baseUrl}/organisations/${orgId}`);
    await page.getByRole('region', { name: 'Cost against value by month' }).waitFor();
  }, 60_000);

  it('reads at 1440 px and at 390 px, with no serious accessibility violation', async () => {
    await page.getByRole('region', { name: 'Maturity against the previous cycle' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard-1440');
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .getByRole('region', { name: 'ROI to date' })
      .locator('[data-figure="ROI"]')
      .waitFor();
    // Nothing wider than the window: the page scrolls down, never sideways.
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 90_000);

  it('shows an organisation without a cycle its overview and the way to the cycles', async () => {
    const created = (await apiAsBrowser(context, product.baseUrl, 'POST', '/api/v1/organisations', {
      name: 'Harbour Credit Union',
      description: 'Member-owned savings and loans, Cork.',
      currency: 'EUR',
      locale: 'en-IE',
    })) as { id: string };
    await page.goto(`${product.baseUrl}/organisations/${created.id}`);
    await page.getByText('No strategy cycle yet').waitFor();
    await page.getByRole('heading', { name: 'Harbour Credit Union' }).waitFor();
    await page.getByRole('link', { name: 'Go to Strategy cycles' }).click();
    await page.waitForURL(`**/organisations/${created.id}/cycles`);
  }, 60_000);

  it('lists both organisations side by side in the portfolio, from the account menu', async () => {
    await page.goto(`${product.baseUrl}/organisations/${orgId}`);
    await page.getByRole('button', { name: /^Account of / }).click();
    await page.getByRole('menuitem', { name: 'Portfolio' }).click();
    await page.waitForURL('**/portfolio');
    const guild = page.getByRole('article', { name: 'Guild of Independent Booksellers' });
    await guild.locator('[data-figure="ROI to date"]').waitFor();
    await page.getByRole('article', { name: 'Harbour Credit Union' }).waitFor();
    const portfolio = (await apiGet('/api/v1/portfolio')) as {
      organisations: { organisationId: string; roi: { totals: RoiFigures } }[];
    };
    const demo = portfolio.organisations.find((entry) => entry.organisationId === orgId)!;
    expect(await guild.locator('[data-figure="ROI to date"]').innerText()).toContain(
      percent(demo.roi.totals.roi),
    );
    await screenshot(page, 'portfolio-1440');
    expect(await seriousViolations(page)).toEqual([]);

    await guild.getByRole('link', { name: /^Open the dashboard/ }).click();
    await page.getByRole('region', { name: 'ROI to date' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisations/${orgId}`);
  }, 60_000);
});
