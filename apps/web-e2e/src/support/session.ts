import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_OWNER = 'maeve.lonergan@guild-booksellers.example';
export const DEMO_PASSWORD = 'bookshop-day-2027';

/** Signs in through the sign-in page, as a person does. */
export async function signInThroughThePage(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
) {
  await page.goto(`${baseUrl}/sign-in`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.locator('input[type=password]').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Calls the API with the browser's own session, like a colleague's change arriving from
 * elsewhere: the cookie travels with the context, the CSRF token is read from its cookie.
 */
export async function apiAsBrowser(
  context: BrowserContext,
  baseUrl: string,
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
): Promise<unknown> {
  const csrf =
    (await context.cookies(baseUrl)).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const response = await context.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    data: JSON.stringify(body),
  });
  if (!response.ok())
    throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** GET on the API with the context's own session, as the signed-in browser would call it. */
export async function apiGetAs(
  context: BrowserContext,
  baseUrl: string,
  address: string,
): Promise<unknown> {
  const response = await context.request.get(`${baseUrl}${address}`);
  if (!response.ok()) throw new Error(`GET ${address}: ${response.status()}`);
  return response.json();
}

export interface DemoSession {
  context: BrowserContext;
  page: Page;
  /** The demo organisation, as the signed-in person's memberships name it. */
  orgId: string;
}

/**
 * A desktop page (1440 x 900, UTC, British English) signed in through the sign-in page as one
 * of the demo's people, and the demo organisation's id. `bypassCSP` lets a test inject scripts
 * the product's content security policy refuses.
 */
export async function openDemoAs(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: { bypassCSP?: boolean } = {},
): Promise<DemoSession> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInThroughThePage(page, baseUrl, email, DEMO_PASSWORD);
  const me = (await apiGetAs(context, baseUrl, '/api/v1/auth/me')) as {
    memberships: { organisationId: string; isDemo: boolean }[];
  };
  const orgId = (me.memberships.find((membership) => membership.isDemo) ?? me.memberships[0])!
    .organisationId;
  return { context, page, orgId };
}

/** Money as the organisation's pages write it: its currency and locale, two decimals. */
export async function organisationMoney(
  context: BrowserContext,
  baseUrl: string,
  orgId: string,
): Promise<Intl.NumberFormat> {
  const organisation = (await apiGetAs(context, baseUrl, `/api/v1/organisations/${orgId}`)) as {
    currency: string;
    locale: string;
  };
  return new Intl.NumberFormat(organisation.locale, {
    style: 'currency',
    currency: organisation.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}
