import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AxeViolation, seriousViolations } from './support/accessibility';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';
import {
  apiGetAs,
  DEMO_OWNER,
  DEMO_PASSWORD,
  openDemoAs,
  signInThroughThePage,
} from './support/session';
import { sidewaysOverflow } from './support/layout';

const describeWithBrowser = hasChromium ? describe : describe.skip;

const DEMO_BOARD_MEMBER = 'sarah.whitcombe@guild-booksellers.example';
const PRODUCT_TITLE = 'Return-on-Impact planner';

/**
 * Every page of the web app, read from its router: the `path`s of the routes in the order they
 * are declared. Those after `organisations/:orgId` (and before the catch-all) are its children.
 * A route added to the router is visited here without anyone remembering to add it.
 */
const ROUTER_SOURCE = readFileSync(path.resolve(__dirname, '../../web/src/app/router.tsx'), 'utf8');
const ROUTE_PATHS = [...ROUTER_SOURCE.matchAll(/\bpath:\s*'([^']+)'/g)].map((match) => match[1]!);
const ORGANISATION_ROUTE = 'organisations/:orgId';
const organisationStart = ROUTE_PATHS.indexOf(ORGANISATION_ROUTE);
const OUTSIDE_ORGANISATION = ROUTE_PATHS.slice(0, organisationStart).filter((route) => route);
// The organisation's front page is its index route, which has no path of its own.
const IN_ORGANISATION = ['', ...ROUTE_PATHS.slice(organisationStart + 1)].filter(
  (route) => route !== '*',
);
// An old address kept working by sending it to the front page: nothing of its own to check.
const REDIRECTS = new Set(['dashboard']);

// The six steps of a cycle (the browser tests reach the product over HTTP only, so they are
// written out here and checked against the demo cycle's own steps below).
const STEP_KEYS = ['assess', 'envision', 'plan', 'organise', 'execute', 'measure'];

/** A route's pattern with each parameter replaced, `:stepKey` by each of the six steps. */
function expand(pattern: string): string[] {
  return pattern.includes(':stepKey')
    ? STEP_KEYS.map((key) => pattern.replace(':stepKey', key))
    : [pattern];
}

const SIGNED_OUT = ['sign-in', 'sign-up'];
// Pages a link opens (an invitation, a shared pack, a response link): a link that does not work
// says so on a page of its own, and that page is checked.
const LINK_PAGES = OUTSIDE_ORGANISATION.filter((route) => route.includes(':token'));
const SIGNED_IN_OUTSIDE = OUTSIDE_ORGANISATION.filter(
  (route) => !SIGNED_OUT.includes(route) && !route.includes(':token') && route !== '*',
);
const ORGANISATION_PAGES = IN_ORGANISATION.filter((route) => !REDIRECTS.has(route)).flatMap(expand);

interface DemoIds {
  orgId: string;
  packId: string;
  cycleId: string;
  assessmentId: string;
  kpiId: string;
  token: string;
}

function fill(pattern: string, ids: DemoIds): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = ids[name as keyof DemoIds];
    if (!value) throw new Error(`No demo value for :${name} in ${pattern}`);
    return value;
  });
}

/**
 * Waits until the page has drawn what it loads: it has a heading (or says what went wrong) and
 * nothing says it is still loading (a loader or a skeleton).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('h1, h2, [role="alert"]') !== null &&
      document.querySelector('[aria-busy="true"], .mantine-Skeleton-root') === null,
    undefined,
    { timeout: 20_000 },
  );
  // Mantine's transitions (tabs, collapsing sections) finish within a frame or two.
  await page.waitForTimeout(150);
}

/** Badges whose text is cut short ("IN PRO…") on the page as it stands. */
function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root')]
      .filter((badge) => {
        const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge;
        return (
          label.offsetParent !== null &&
          (label.scrollWidth > label.clientWidth + 1 || badge.scrollWidth > badge.clientWidth + 1)
        );
      })
      .map((badge) => badge.textContent ?? ''),
  );
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`)
    .join('\n');
}

describeWithBrowser('every page, as the demo’s owner: accessible, titled, badges whole', () => {
  let product: RunningProduct;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ids: DemoIds;
  const titles = new Map<string, string>();

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const opened = await openDemoAs(browser, product.baseUrl, DEMO_OWNER);
    ({ context, page } = opened);
    const orgId = opened.orgId;
    const first = async (list: string) => {
      const items = (await apiGet(`/api/v1/organisations/${orgId}/${list}`)) as { id: string }[];
      if (!items[0]) throw new Error(`The demo has no ${list}`);
      return items[0].id;
    };
    ids = {
      orgId,
      packId: await first('board-packs'),
      cycleId: await first('cycles'),
      assessmentId: await first('assessments'),
      kpiId: await first('kpis'),
      token: 'a-link-that-was-never-given-out',
    };
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const apiGet = (address: string) => apiGetAs(context, product.baseUrl, address);

  /** Opens a page, checks it and remembers its title; the assertions name the page. */
  async function check(target: Page, address: string, name: string, narrow = false) {
    await target.goto(`${product.baseUrl}${address}`);
    await settled(target);
    const violations = await seriousViolations(target);
    expect({ page: name, violations: describeViolations(violations) }).toEqual({
      page: name,
      violations: '',
    });
    expect({ page: name, truncated: await truncatedBadges(target) }).toEqual({
      page: name,
      truncated: [],
    });
    const title = await target.title();
    expect(title).not.toBe(PRODUCT_TITLE);
    if (!narrow) titles.set(name, title);
  }

  it('reads its router: the pages below are every route it declares', async () => {
    const cycle = (await apiGet(`/api/v1/organisations/${ids.orgId}/cycles/${ids.cycleId}`)) as {
      steps: { key: string }[];
    };
    expect(cycle.steps.map((step) => step.key)).toEqual(STEP_KEYS);
    expect(organisationStart).toBeGreaterThan(0);
    expect(ORGANISATION_PAGES.length).toBeGreaterThan(25);
    expect(SIGNED_IN_OUTSIDE).toEqual(
      expect.arrayContaining(['organisations', 'portfolio', 'profile']),
    );
  });

  it.each(SIGNED_OUT)('/%s, signed out', async (route) => {
    const signedOut = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    try {
      await check(await signedOut.newPage(), `/${route}`, route);
    } finally {
      await signedOut.close();
    }
  });

  it.each(LINK_PAGES)('/%s, a link that does not work', async (route) => {
    await check(page, `/${fill(route, ids)}`, route);
  });

  it.each(SIGNED_IN_OUTSIDE)('/%s', async (route) => {
    await check(page, `/${route}`, route);
  });

  it.each(ORGANISATION_PAGES)('organisation page /%s', async (route) => {
    const address = `/organisations/${ids.orgId}${route ? `/${fill(route, ids)}` : ''}`;
    await check(page, address, route || '(front page)');
  });

  it('an address that leads nowhere', async () => {
    await check(page, '/no-such-page', 'not found');
  });

  it('gives every page a title of its own', () => {
    const byTitle = new Map<string, string[]>();
    for (const [name, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), name]);
    const shared = [...byTitle].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([]);
  });

  it.each(['', 'plan', 'execution', 'execution/timeline', 'members', 'roi'])(
    'at 390 px, organisation page /%s: nothing cut short, nothing wider than the screen',
    async (route) => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        const address = `/organisations/${ids.orgId}${route ? `/${route}` : ''}`;
        await check(page, address, `${route || 'front page'} at 390 px`, true);
        const overflow = await sidewaysOverflow(page);
        expect({ route, overflow }).toEqual({ route, overflow: 0 });
        await screenshot(page, `a11y-390-${route.replace(/\//g, '-') || 'front-page'}`);
      } finally {
        await page.setViewportSize({ width: 1440, height: 900 });
      }
    },
  );
});

// What a board member, who may only read, must never be offered: a control that would change
// something and be refused. Reading controls (tabs, filters, Print, Discuss, downloads) are fine.
const ACTION_WORDS =
  /^(add|create|start|record|edit|change|delete|remove|invite|import|upload|save|submit|approve|reject|publish|resolve|post|sign off|send|share|rename|merge|revoke|check in|new)\b/i;

describeWithBrowser('what a board member may and may not open or do', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let orgId: string;
  let ids: Omit<DemoIds, 'orgId' | 'token'>;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'UTC',
      locale: 'en-GB',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInThroughThePage(page, product.baseUrl, DEMO_BOARD_MEMBER, DEMO_PASSWORD);
    const me = (await (await context.request.get(`${product.baseUrl}/api/v1/auth/me`)).json()) as {
      memberships: { organisationId: string; isDemo: boolean }[];
    };
    orgId = (me.memberships.find((membership) => membership.isDemo) ?? me.memberships[0])!
      .organisationId;
    const first = async (list: string) => {
      const response = await context.request.get(
        `${product.baseUrl}/api/v1/organisations/${orgId}/${list}`,
      );
      return ((await response.json()) as { id: string }[])[0]!.id;
    };
    ids = {
      packId: await first('board-packs'),
      cycleId: await first('cycles'),
      assessmentId: await first('assessments'),
      kpiId: await first('kpis'),
    };
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it.each(ORGANISATION_PAGES)(
    'organisation page /%s offers nothing the role may not do',
    async (route) => {
      const address = `/organisations/${orgId}${route ? `/${fill(route, { ...ids, orgId, token: '' })}` : ''}`;
      await page.goto(`${product.baseUrl}${address}`);
      await settled(page);
      const offered = await page.evaluate((pattern) => {
        const words = new RegExp(pattern, 'i');
        return (
          [...document.querySelectorAll<HTMLElement>('main button, main a, main [role="button"]')]
            .filter((control) => control.offsetParent !== null)
            // Leading signs go: "+ Add" offers to add as much as "Add" does.
            .map((control) =>
              (control.getAttribute('aria-label') ?? control.innerText).replace(/^[^A-Za-z]+/, ''),
            )
            .filter((name) => words.test(name))
        );
      }, ACTION_WORDS.source);
      expect({ route, offered }).toEqual({ route, offered: [] });
      expect(await page.getByText('Page not found').count()).toBe(0);
    },
  );

  it.each(['members', 'api-keys', 'audit-log', 'settings'])(
    'says /%s is not theirs to open, who may grant it and the way back',
    async (route) => {
      await page.goto(`${product.baseUrl}/organisations/${orgId}/${route}`);
      await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
      expect(await page.getByText('Page not found').count()).toBe(0);
      await page.getByText(/can change your role/).waitFor();
      await page.getByRole('link', { name: /Back to/ }).waitFor();
      expect(await page.title()).toMatch(/^No access · /);
      expect(await seriousViolations(page)).toEqual([]);
      if (route === 'members') await screenshot(page, 'a11y-no-access-1440');
    },
  );
});
