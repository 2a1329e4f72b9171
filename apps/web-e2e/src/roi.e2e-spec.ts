import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { apiGetAs, DEMO_OWNER, openDemoAs, organisationMoney } from './support/session';
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
interface RoiReport {
  from: string;
  to: string;
  currency: string;
  totals: RoiFigures;
  groups: (RoiFigures & { key: string; label: string })[];
  intervals?: (RoiFigures & { from: string; to: string })[];
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

/** Minor units of a decimal string with two decimals, exactly. */
const pence = (amount: string) => {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const units = BigInt(whole + fraction.padEnd(2, '0'));
  return negative ? -units : units;
};

describeWithBrowser(
  'ROI: a cost import through the wizard, then the ROI page against the API',
  () => {
    let product: RunningProduct;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let orgId: string;
    let money: Intl.NumberFormat;

    beforeAll(async () => {
      product = await startProduct();
      browser = await launchBrowser();
      ({ context, page, orgId } = await openDemoAs(browser, product.baseUrl, DEMO_OWNER));
      money = await organisationMoney(context, product.baseUrl, orgId);
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await product?.stop();
    });

    /** The API as the signed-in browser calls it: the page's own cookies. */
    const apiGet = (address: string) => apiGetAs(context, product.baseUrl, address);

    const roi = (query = 'groupBy=initiative&interval=month') =>
      apiGet(`/api/v1/organisations/${orgId}/roi?${query}`) as Promise<RoiReport>;

    const format = (amount: string) => money.format(amount as Intl.StringNumericLiteral);

    it('imports a cost file through the wizard and shows the progress bar finish', async () => {
      const initiatives = (await apiGet(`/api/v1/organisations/${orgId}/initiatives`)) as {
        code: string;
      }[];
      const [first, second] = initiatives.map((initiative) => initiative.code);
      expect(first).toBeDefined();
      const before = await roi();
      const today = new Date().toISOString().slice(0, 10);
      const rows = [
        [
          today,
          first,
          'Instagram',
          'Content production',
          'labour',
          '1234.56',
          '7.5',
          'Spring reels',
        ],
        [today, second ?? first, 'Newsletter', 'Community management', 'media', '250.00', '', ''],
        [today, first, 'Instagram', 'Paid promotion', 'media', '99.99', '', '"Boost, then review"'],
      ];
      const csv = `date,initiative,channel,activity,category,amount,hours,note\n${rows
        .map((row) => row.join(','))
        .join('\n')}\n`;
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'roi-e2e-')), 'spring-costs.csv');
      writeFileSync(file, csv);

      await page.goto(`${product.baseUrl}/organisations/${orgId}`);
      await page.getByRole('link', { name: 'Imports and exports', exact: true }).click();
      const wizard = page.getByRole('region', { name: 'Import a CSV file' });
      await wizard.getByRole('radio', { name: 'Costs' }).check();
      await wizard.getByRole('button', { name: 'Next' }).click();
      await wizard.locator('input[type=file]').setInputFiles(file);
      await wizard.getByText('Header matches').waitFor();
      const preview = wizard.getByRole('table', { name: 'Preview of the file' });
      // The header and three rows, the quoted comma read as part of its field.
      expect(await preview.getByRole('row').count()).toBe(4);
      await preview.getByRole('cell', { name: 'Boost, then review' }).waitFor();
      await wizard.getByRole('button', { name: 'Import', exact: true }).click();

      const bar = wizard.getByRole('progressbar');
      await bar.waitFor();
      await wizard
        .getByRole('status')
        .filter({ hasText: 'rows imported' })
        .waitFor({ timeout: 30_000 });
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      await wizard.getByText('3 of 3 rows').waitFor();
      await screenshot(page, 'roi-import-done');

      // The figures moved by exactly what the file held.
      const after = await roi();
      expect(pence(after.totals.cost) - pence(before.totals.cost)).toBe(
        pence('1234.56') + pence('250.00') + pence('99.99'),
      );
    }, 90_000);

    it("shows in the chart's table view the same figures the API answers", async () => {
      await page.getByRole('link', { name: 'ROI and reallocation', exact: true }).click();
      const byInitiative = page.getByRole('region', { name: 'ROI by initiative' });
      await byInitiative.getByRole('img', { name: /^ROI and risk-adjusted ROI of/ }).waitFor();
      const api = await roi();
      expect(api.groups.length).toBeGreaterThan(0);

      // The headline: ROI and risk-adjusted ROI of the whole organisation.
      const totals = page.getByRole('region', { name: 'Totals for the period' });
      expect(await totals.locator('[data-figure="ROI"]').innerText()).toContain(
        percent(api.totals.roi),
      );
      expect(await totals.locator('[data-figure="Risk-adjusted ROI"]').innerText()).toContain(
        percent(api.totals.riskAdjustedRoi),
      );

      await byInitiative.getByRole('tab', { name: 'Table' }).click();
      const table = byInitiative.getByRole('table', { name: 'ROI by initiative' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(api.groups.length);
      for (const group of api.groups) {
        const cells = (await table.locator(`tr[data-key="${group.key}"] td`).allInnerTexts()).map(
          (text) => text.trim(),
        );
        expect(cells[0]).toContain(group.label);
        expect(cells.slice(1)).toEqual([
          format(group.cost),
          format(group.value),
          format(group.riskAdjustedValue),
          format(group.net),
          percent(group.roi),
          percent(group.riskAdjustedRoi),
        ]);
      }

      const overTime = page.getByRole('region', { name: 'Cost against value over time' });
      await overTime.getByRole('tab', { name: 'Table' }).click();
      const intervals = overTime.getByRole('table');
      await intervals.waitFor();
      expect(await intervals.locator('tbody tr').count()).toBe(api.intervals?.length ?? 0);
      for (const [index, interval] of (api.intervals ?? []).entries()) {
        const cells = await intervals.locator('tbody tr').nth(index).locator('td').allInnerTexts();
        expect(cells.slice(1, 3).map((text) => text.trim())).toEqual([
          format(interval.cost),
          format(interval.value),
        ]);
      }
      // Back to the pictures for the screenshots.
      await byInitiative.getByRole('tab', { name: 'Chart' }).click();
      await overTime.getByRole('tab', { name: 'Chart' }).click();
      await page
        .getByRole('region', { name: 'Reallocation' })
        .getByText('Organisation ROI')
        .waitFor();
    }, 60_000);

    it('reads at 1440 px and at 390 px', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'));
      await screenshot(page, 'roi-1440');
      await page.setViewportSize({ width: 390, height: 844 });
      await page
        .getByRole('region', { name: 'ROI by initiative' })
        .getByRole('img', { name: /^ROI and risk-adjusted ROI of/ })
        .waitFor();
      // Nothing wider than the window: the page scrolls down, never sideways.
      const overflow = await sidewaysOverflow(page);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'roi-390');
    }, 60_000);
  },
);
