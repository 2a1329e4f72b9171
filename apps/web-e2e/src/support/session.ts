import type { BrowserContext, Page } from 'playwright-core';

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
