import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { hasChromium, launchBrowser, screenshot } from './support/browser';
import { type RunningProduct, startProduct } from './support/product';

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('accounts, invitations and roles in the browser', () => {
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

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'UTC',
    });
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function signUp(page: Page, name: string, email: string) {
    const form = page.getByRole('form', { name: 'Create your account' });
    await form.getByLabel('Your name').fill(name);
    if (!(await form.getByLabel('Email').inputValue())) await form.getByLabel('Email').fill(email);
    await form.locator('input[type=password]').fill('a sentence long enough');
    await form.getByRole('button', { name: 'Create account' }).click();
  }

  /** The invitation link, read from the organisation's outbox as the owner's mail would show it. */
  async function invitationLink(email: string): Promise<string> {
    const client = new Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ body: string }>(
        `SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`,
        [email],
      );
      const link = /(http\S+\/invitations\/\S+)/.exec(rows[0]?.body ?? '')?.[1];
      if (!link) throw new Error(`no invitation mailed to ${email}`);
      return link;
    } finally {
      await client.end();
    }
  }

  it('signs up, creates an organisation, invites a colleague who joins with a restricted role', async () => {
    const owner = await newPage();
    await owner.goto(product.baseUrl);
    await owner.waitForURL('**/sign-in**');
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await signUp(owner, 'Niamh Byrne', 'niamh@harbour-cu.example');
    await owner.waitForURL('**/organisations');
    await owner
      .getByRole('button', { name: /Create the first one|New organisation/ })
      .first()
      .click();
    const create = owner.getByRole('form', { name: 'New organisation' });
    await create.getByLabel('Name').fill('Harbour Credit Union');
    await create.getByRole('button', { name: 'Create organisation' }).click();
    await owner.getByRole('heading', { name: 'Harbour Credit Union' }).waitFor();

    const navigation = owner.getByRole('navigation', { name: 'Main navigation' });
    await navigation.getByRole('link', { name: 'Members and invitations' }).click();
    const invite = owner.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Invite by email').fill('ciaran@harbour-cu.example');
    await invite.getByLabel('Role', { exact: true }).click();
    await owner.getByRole('option', { name: 'Contributor' }).click();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const invitations = owner.getByRole('table', { name: 'Invitations' });
    await invitations.getByText('ciaran@harbour-cu.example').waitFor();
    await invitations.getByText('pending').waitFor();
    await screenshot(owner, 'members-and-invitations');

    // The colleague opens the mailed link in their own browser, signs up and joins.
    const colleague = await newPage();
    await colleague.goto(await invitationLink('ciaran@harbour-cu.example'));
    await colleague.getByRole('heading', { name: 'Join Harbour Credit Union' }).waitFor();
    await screenshot(colleague, 'invitation');
    await colleague.getByRole('link', { name: 'Create an account' }).click();
    await signUp(colleague, 'Ciarán Walsh', 'ciaran@harbour-cu.example');
    await colleague.getByRole('button', { name: 'Accept and join' }).click();
    await colleague.getByRole('heading', { name: 'Harbour Credit Union' }).waitFor();
    // A contributor starts on the milestones, where their own work is.
    await colleague.waitForURL(/\/organisations\/[^/]+\/execution/);
    await colleague.getByRole('heading', { name: 'Milestones', level: 2 }).waitFor();

    // A contributor sees the strategy and the members, and none of the owner's tools.
    const theirNavigation = colleague.getByRole('navigation', { name: 'Main navigation' });
    await theirNavigation.getByRole('link', { name: 'Members and invitations' }).waitFor();
    for (const hidden of ['API keys', 'Audit log', 'Settings', 'Mail outbox']) {
      expect(await theirNavigation.getByRole('link', { name: hidden }).count()).toBe(0);
    }
    await theirNavigation.getByRole('link', { name: 'Members and invitations' }).click();
    await colleague.getByRole('table', { name: 'Members' }).getByText('Niamh Byrne').waitFor();
    expect(await colleague.getByRole('form', { name: 'Invite someone' }).count()).toBe(0);
    expect(await colleague.getByLabel(/^Role of /).count()).toBe(0);
    await screenshot(colleague, 'contributor-view');

    // The owner sees them arrive, and the change in the audit log.
    await owner.reload();
    await owner.getByRole('table', { name: 'Members' }).getByText('Ciarán Walsh').waitFor();
    await navigation.getByRole('link', { name: 'Audit log' }).click();
    await owner.getByRole('table', { name: 'Audit log' }).getByText('membership').first().waitFor();
    await screenshot(owner, 'audit-log');
  });

  it('refuses a wrong password with the reason beside the form', async () => {
    const page = await newPage();
    await page.goto(`${product.baseUrl}/sign-in`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill('nobody@example.org');
    await form.locator('input[type=password]').fill('not a password anyone has');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByText('The email or the password is wrong.').waitFor();
  });
});
