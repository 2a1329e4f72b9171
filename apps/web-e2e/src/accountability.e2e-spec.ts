import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import { apiGetAs, DEMO_OWNER, openDemoAs } from './support/session';
import { sidewaysOverflow } from './support/layout';

const describeWithBrowser = hasChromium ? describe : describe.skip;

interface AccountabilityMap {
  people: { userId: string; name: string; role: string | null }[];
  initiatives: {
    id: string;
    code: string;
    name: string;
    accountableUserId: string;
    responsibleUserId: string;
  }[];
  gaps: { kind: string; message: string }[];
}

describeWithBrowser('the accountability map, as the demo organisation’s owner', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let address: string;
  let mapPath: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const opened = await openDemoAs(browser, product.baseUrl, DEMO_OWNER, { bypassCSP: true });
    ({ context, page } = opened);
    const orgId = opened.orgId;
    address = `${product.baseUrl}/organisations/${orgId}/accountability`;
    mapPath = `/api/v1/organisations/${orgId}/accountability-map`;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const apiGet = (address: string) => apiGetAs(context, product.baseUrl, address);

  const grid = () => page.getByRole('table', { name: 'Accountability map: people by initiatives' });

  it('shows the demo’s people by its initiatives, the roles in words and any gaps', async () => {
    const map = (await apiGet(mapPath)) as AccountabilityMap;
    expect(map.initiatives.length).toBeGreaterThan(0);

    await page.goto(address);
    await page.getByRole('heading', { name: 'Accountability map' }).waitFor();
    await grid().waitFor();
    for (const initiative of map.initiatives) {
      await grid()
        .getByRole('columnheader', { name: new RegExp(initiative.code) })
        .waitFor();
    }
    for (const person of map.people) {
      await grid()
        .getByRole('rowheader', { name: new RegExp(escape(person.name)) })
        .waitFor();
    }
    const [first] = map.initiatives;
    const accountable = map.people.find((person) => person.userId === first!.accountableUserId)!;
    // The role is written as a word; for the owner, who edits the plan, it is also the control.
    const mark = grid().getByRole('button', {
      name: `Accountable for ${first!.code}: ${accountable.name}. Change`,
    });
    expect((await mark.innerText()).startsWith('Accountable')).toBe(true);
    if (map.gaps.length === 0) {
      await page.getByRole('status').filter({ hasText: 'No gaps' }).waitFor();
    } else {
      const gaps = page.getByRole('list', { name: 'Gaps' });
      for (const gap of map.gaps) await gaps.getByText(gap.message).waitFor();
    }
    // The nav leads here, under "Plan and execution".
    await page.getByRole('link', { name: 'Accountability map' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-1440');
  });

  it('names another member responsible and shows it saved', async () => {
    const map = (await apiGet(mapPath)) as AccountabilityMap;
    const [first] = map.initiatives;
    const responsible = map.people.find((person) => person.userId === first!.responsibleUserId)!;
    const next =
      map.people.find(
        (person) => person.role === 'program_manager' && person.userId !== responsible.userId,
      ) ??
      map.people.find((person) => person.role !== null && person.userId !== responsible.userId)!;

    await page
      .getByRole('button', { name: `Responsible for ${first!.code}: ${responsible.name}. Change` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Responsible for ${first!.code}` });
    await dialog.getByRole('combobox', { name: /Responsible \(execution\)/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('option', { name: next.name, exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: `Responsible for ${first!.code}: ${next.name}. Change` })
      .waitFor();
    const saved = (await apiGet(mapPath)) as AccountabilityMap;
    expect(saved.initiatives.find((initiative) => initiative.id === first!.id)).toMatchObject({
      responsibleUserId: next.userId,
    });
  });

  it('flags the outside consultant once named accountable', async () => {
    const map = (await apiGet(mapPath)) as AccountabilityMap;
    const consultant = map.people.find((person) => person.role === 'consultant')!;
    const last = map.initiatives[map.initiatives.length - 1]!;
    const accountable = map.people.find((person) => person.userId === last.accountableUserId)!;

    await page
      .getByRole('button', { name: `Accountable for ${last.code}: ${accountable.name}. Change` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Accountable for ${last.code}` });
    await dialog.getByRole('combobox', { name: /Accountable \(strategy\)/ }).click();
    await page.getByRole('option', { name: `${consultant.name} (external)`, exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const gaps = page.getByRole('list', { name: 'Gaps' });
    await gaps
      .getByText(`${last.code} ${last.name} has an outside consultant accountable`)
      .waitFor();
    await grid()
      .getByRole('columnheader', { name: new RegExp(`${last.code}.*1 gap`) })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'accountability-1440-gap');
  });

  it('prints the grid without the application’s frame', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await grid().waitFor();
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Accountability map' }).isVisible()).toBe(false);
      await screenshot(page, 'accountability-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('stays usable at 390 px: a list per initiative', async () => {
    const map = (await apiGet(mapPath)) as AccountabilityMap;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(address);
      await page.getByRole('heading', { name: 'Initiatives' }).waitFor();
      expect(await grid().isVisible()).toBe(false);
      for (const initiative of map.initiatives) {
        await page
          .getByRole('button', { name: `Change who is responsible for ${initiative.code}` })
          .waitFor();
      }
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'accountability-390');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
